print("lesson 08-demonstrations-in-rl: not written yet")
