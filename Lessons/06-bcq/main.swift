print("lesson 06-bcq: not written yet")
