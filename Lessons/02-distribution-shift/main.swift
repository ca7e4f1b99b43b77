print("lesson 02-distribution-shift: not written yet")
