print("grade: not written yet")
