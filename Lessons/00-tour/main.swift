print("lesson 00-tour: not written yet")
