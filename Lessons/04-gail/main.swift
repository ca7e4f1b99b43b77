print("lesson 04-gail: not written yet")
