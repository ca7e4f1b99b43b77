#!/usr/bin/env python3
"""The kit's Hopper against Gymnasium's Hopper-v4: one check, run by hand, not part of the tests.

Needs the Python packages `mujoco` and `gymnasium` (pip install mujoco gymnasium imageio); without
them it says so and exits 0. It builds the kit's `hopper-check` executable (swift build -c release)
and compares:

0. the kit's MJCF (read from Sources/Environments/Hopper/HopperModel.swift) with Gymnasium's
   hopper.xml, both compiled by the Python `mujoco`: the compiled arrays and a trajectory;
1. fixed action sequences from the same initial state: the kit (the system's libmujoco) against
   Gymnasium (the Python `mujoco`): the largest difference in qpos/qvel up to step k, rewards,
   termination steps;
2. episode lengths and returns under a uniform random policy and two fixed linear policies.

Usage: python3 scripts/checks/hopper_vs_gymnasium.py [--episodes N] [--swift-bin DIR]
"""
import argparse, json, math, os, re, subprocess, sys, tempfile, time

try:
    import numpy as np
    import mujoco
    import gymnasium as gym
except ImportError as error:
    print(f"hopper_vs_gymnasium: skipped ({error}); pip install mujoco gymnasium imageio")
    sys.exit(0)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Fixed linear policies a = clip(W·o + b, -1, 1): PD control of the three hinges (o[2:5] angles,
# o[8:11] their velocities) plus torso feedback on the thigh. "falls" hops for a few hundred steps
# and falls; "stands" lasts the 1000 steps while drifting forward.
def pd_policy(kp, kd, torso, bias):
    W = np.zeros((3, 11))
    for j in range(3):
        W[j, 2 + j], W[j, 8 + j] = -kp, -kd
    W[0, 1], W[0, 7] = torso, 0.1 * torso
    return W, np.array(bias, dtype=float)

LINEAR = {"linear (falls)": pd_policy(1.0, 0.3, 1.0, [0.0, 0.2, 0.0]),
          "linear (stands)": pd_policy(1.0, 0.3, 1.0, [0.3, -0.3, 0.3])}


def kit_xml():
    source = open(os.path.join(ROOT, "Sources/Environments/Hopper/HopperModel.swift")).read()
    return re.search(r'modelXML = """\n(.*?)\n\s*"""', source, re.S).group(1)


def check_model():
    kit = mujoco.MjModel.from_xml_string(kit_xml())
    ref = mujoco.MjModel.from_xml_path(os.path.join(os.path.dirname(gym.__file__), "envs/mujoco/assets/hopper.xml"))
    fields = ["body_mass", "body_inertia", "body_subtreemass", "dof_armature", "dof_damping", "jnt_range",
              "geom_size", "geom_friction", "geom_margin", "geom_solref", "geom_solimp", "geom_condim",
              "actuator_gear", "actuator_ctrlrange", "qpos0"]
    worst = max(float(np.max(np.abs(np.asarray(getattr(kit, f), float) - np.asarray(getattr(ref, f), float))))
                for f in fields)
    print(f"0. compiled model, kit MJCF vs Gymnasium hopper.xml (Python mujoco {mujoco.__version__}):")
    print(f"   largest difference over {len(fields)} arrays (masses, inertias, sizes, ranges, contact"
          f" parameters, gears): {worst:.1e}; timestep {kit.opt.timestep} vs {ref.opt.timestep}")
    actions = np.random.default_rng(0).uniform(-1, 1, (200, 3))
    def run(model):
        data = mujoco.MjData(model)
        data.qpos[:] = model.qpos0 + 0.003
        data.qvel[:] = 0.002
        mujoco.mj_forward(model, data)
        rows = []
        for a in actions:
            data.ctrl[:] = a
            mujoco.mj_step(model, data, nstep=4)
            rows.append(np.concatenate([data.qpos, data.qvel]))
        return np.array(rows)
    print(f"   same engine, same state and 200 random actions: largest |Δ(qpos, qvel)| "
          f"{np.abs(run(kit) - run(ref)).max():.1e}")


def swift_binary(explicit):
    if explicit:
        return os.path.join(explicit, "hopper-check")
    subprocess.run(["swift", "build", "-c", "release", "--product", "hopper-check"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "hopper-check")


def kit(binary, mode, request):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(request, f)
    try:
        out = subprocess.run([binary, mode, f.name], check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out)


def gym_trace(qpos, qvel, actions):
    env = gym.make("Hopper-v4").unwrapped
    env.reset(seed=0)
    mujoco.mj_resetData(env.model, env.data)
    env.set_state(np.array(qpos), np.array(qvel))
    rows, rewards, terminated = [], [], []
    for a in actions:
        _, r, term, _, _ = env.step(np.array(a, dtype=np.float32))
        rows.append(np.concatenate([env.data.qpos, env.data.qvel]))
        rewards.append(r)
        terminated.append(term)
    return np.array(rows), np.array(rewards), np.array(terminated)


def check_traces(binary):
    print("1. fixed actions from the same initial state: kit (libmujoco "
          f"{'2.2.2'}) vs Gymnasium Hopper-v4 (Python mujoco {mujoco.__version__})")
    env = gym.make("Hopper-v4")
    obs, _ = env.reset(seed=0)
    qpos, qvel = env.unwrapped.data.qpos.tolist(), env.unwrapped.data.qvel.tolist()
    t = np.arange(400)
    sequences = {
        "uniform random": np.random.default_rng(1).uniform(-1, 1, (400, 3)).astype(np.float32),
        "sinusoids": np.stack([0.6 * np.sin(2 * np.pi * t / 60 + j) for j in range(3)], 1).astype(np.float32),
        "zero": np.zeros((400, 3), dtype=np.float32),
    }
    for name, actions in sequences.items():
        g_rows, g_rewards, g_term = gym_trace(qpos, qvel, actions)
        k = kit(binary, "trace", {"qpos": qpos, "qvel": qvel, "actions": actions.astype(float).tolist()})
        k_rows = np.concatenate([np.array(k["qpos"]), np.array(k["qvel"])], 1)
        diff = np.abs(k_rows - g_rows).max(1)
        first = lambda term: int(np.argmax(term)) + 1 if np.any(term) else None
        g_end, k_end = first(g_term), first(np.array(k["terminated"]))
        upto = ", ".join(f"{n}: {diff[:n].max():.1e}" for n in (1, 10, 50, 100, 200, 400))
        end = g_end or 400
        rdiff = np.abs(np.array(k["rewards"][:end]) - g_rewards[:end]).max()
        print(f"   {name:15s} largest |Δ(qpos, qvel)| up to step {upto}")
        print(f"   {'':15s} terminated at step kit {k_end}, Gymnasium {g_end}; largest |Δ reward| until then {rdiff:.1e}")


def gym_episodes(policy, episodes, seed):
    env = gym.make("Hopper-v4")
    rng = np.random.default_rng(seed)
    lengths, returns, steps, start = [], [], 0, time.time()
    for i in range(episodes):
        obs, _ = env.reset(seed=seed * 100_000 + i)
        total, n = 0.0, 0
        while True:
            if policy == "random":
                action = rng.uniform(-1, 1, 3).astype(np.float32)
            else:
                W, b = LINEAR[policy]
                action = np.clip(W @ obs + b, -1, 1).astype(np.float32)
            obs, r, term, trunc, _ = env.step(action)
            total, n = total + r, n + 1
            if term or trunc:
                break
        lengths.append(n)
        returns.append(total)
        steps += n
    return np.array(lengths), np.array(returns), steps / (time.time() - start)


def welch(a, b):
    """(difference of means, its standard error, Kolmogorov–Smirnov distance)."""
    se = math.sqrt(a.var(ddof=1) / len(a) + b.var(ddof=1) / len(b))
    grid = np.sort(np.concatenate([a, b]))
    ks = np.max(np.abs(np.searchsorted(np.sort(a), grid, "right") / len(a)
                       - np.searchsorted(np.sort(b), grid, "right") / len(b)))
    return a.mean() - b.mean(), se, ks


def check_episodes(binary, episodes):
    print(f"2. {episodes} episodes per policy and side (kit: RandomSource seeds; Gymnasium: numpy seeds)")
    print(f"   {'policy':16s} {'':10s} {'kit':>20s} {'Gymnasium':>20s} {'Δ mean (s.e.)':>18s} {'KS':>6s}")
    for policy in ["random"] + list(LINEAR):
        request = {"policy": "random" if policy == "random" else "linear", "episodes": episodes, "seed": 7}
        if policy != "random":
            W, b = LINEAR[policy]
            request.update(weights=W.tolist(), bias=b.tolist())
        k = kit(binary, "episodes", request)
        g_len, g_ret, g_speed = gym_episodes(policy, episodes, seed=7)
        for label, kv, gv in [("length", np.array(k["lengths"], float), g_len.astype(float)),
                              ("return", np.array(k["returns"]), g_ret)]:
            d, se, ks = welch(kv, gv)
            print(f"   {policy:16s} {label:10s} {kv.mean():9.1f} ± {kv.std(ddof=1):7.1f}  {gv.mean():9.1f} ±"
                  f" {gv.std(ddof=1):7.1f} {d:9.2f} ({se:5.2f}) {ks:6.2f}")
        print(f"   {'':16s} steps/s    {k['stepsPerSecond']:9.0f} {'':9s} {g_speed:9.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--swift-bin", help="the directory of an already built hopper-check")
    args = parser.parse_args()
    print(f"Python mujoco {mujoco.__version__}, gymnasium {gym.__version__}, numpy {np.__version__}")
    check_model()
    binary = swift_binary(args.swift_bin)
    check_traces(binary)
    check_episodes(binary, args.episodes)


if __name__ == "__main__":
    main()
