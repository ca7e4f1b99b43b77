print("lesson 07-imitation-and-task-rewards: not written yet")
