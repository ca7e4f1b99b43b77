print("lesson 05-off-policy-failure: not written yet")
