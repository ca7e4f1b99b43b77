print("lesson 03-gan-optimal-discriminator: not written yet")
