print("lesson 01-behavior-cloning: not written yet")
