extension Hopper {
    /// The planar hopper as MJCF, written for the kit to the numbers of Gymnasium's `Hopper-v4`
    /// (its `hopper.xml`, after the original of Erez, Tassa & Todorov 2011).
    ///
    /// Four capsules joined by three hinges, moving in the x–z plane:
    ///
    /// | body | capsule (end to end, radius) | joint to its parent | range |
    /// | --- | --- | --- | --- |
    /// | torso | z 1.45 → 1.05, 0.05 | slide x, slide z, hinge y (free in the plane) | — |
    /// | thigh | z 1.05 → 0.60, 0.05 | hip at z 1.05 | −150° … 0° |
    /// | leg | z 0.60 → 0.10, 0.04 | knee at z 0.60 | −150° … 0° |
    /// | foot | x −0.13 → 0.26 at z 0.10, 0.06 | ankle at z 0.10 | −45° … 45° |
    ///
    /// Masses come from the capsules' volumes at MuJoCo's default density, 1000. The hinges have
    /// armature 1 and damping 1; the torso's joints neither. The motors have gear 200 and controls
    /// in [−1, 1]. Contacts: condim 1 between the hopper's geoms, 3 against the floor; friction 0.9,
    /// the foot's 2.0; margin 0.001, solref (0.02, 1), solimp (0.8, 0.8, 0.01). Physics: RK4 with
    /// a 0.002 s step. Each body's frame sits at the joint that moves it (Gymnasium's file places
    /// some elsewhere; the compiled dynamics are the same).
    public static let modelXML = """
        <mujoco model="hopper">
          <compiler angle="degree" inertiafromgeom="true"/>
          <option integrator="RK4" timestep="0.002"/>
          <default>
            <joint armature="1" damping="1" limited="true"/>
            <geom contype="1" conaffinity="1" condim="1" margin="0.001" solref="0.02 1" solimp="0.8 0.8 0.01"/>
            <motor ctrllimited="true" ctrlrange="-1 1" gear="200"/>
          </default>
          <worldbody>
            <geom name="floor" type="plane" size="20 20 0.125" condim="3"/>
            <body name="torso" pos="0 0 1.25">
              <joint name="rootx" type="slide" axis="1 0 0" limited="false" armature="0" damping="0" stiffness="0"/>
              <joint name="rootz" type="slide" axis="0 0 1" ref="1.25" limited="false" armature="0" damping="0" stiffness="0"/>
              <joint name="rooty" type="hinge" axis="0 1 0" limited="false" armature="0" damping="0" stiffness="0"/>
              <geom name="torso_geom" type="capsule" fromto="0 0 0.2 0 0 -0.2" size="0.05" friction="0.9"/>
              <body name="thigh" pos="0 0 -0.2">
                <joint name="thigh_joint" type="hinge" axis="0 -1 0" range="-150 0"/>
                <geom name="thigh_geom" type="capsule" fromto="0 0 0 0 0 -0.45" size="0.05" friction="0.9"/>
                <body name="leg" pos="0 0 -0.45">
                  <joint name="leg_joint" type="hinge" axis="0 -1 0" range="-150 0"/>
                  <geom name="leg_geom" type="capsule" fromto="0 0 0 0 0 -0.5" size="0.04" friction="0.9"/>
                  <body name="foot" pos="0 0 -0.5">
                    <joint name="foot_joint" type="hinge" axis="0 -1 0" range="-45 45"/>
                    <geom name="foot_geom" type="capsule" fromto="-0.13 0 0 0.26 0 0" size="0.06" friction="2.0"/>
                  </body>
                </body>
              </body>
            </body>
          </worldbody>
          <actuator>
            <motor name="thigh_motor" joint="thigh_joint"/>
            <motor name="leg_motor" joint="leg_joint"/>
            <motor name="foot_motor" joint="foot_joint"/>
          </actuator>
        </mujoco>
        """

    /// The compiled hopper, loaded once per process and shared by every `Hopper`.
    public static let model: MuJoCoModel = {
        do {
            return try MuJoCoModel(xml: modelXML, name: "hopper.xml")
        } catch {
            fatalError("Hopper: the kit's own model does not load: \(error)")
        }
    }()
}
