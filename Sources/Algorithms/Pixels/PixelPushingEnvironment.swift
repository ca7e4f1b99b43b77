import Environments
import Numerics

/// Where the rendering style of each episode comes from: one fixed style, or a fresh one drawn
/// per episode (domain randomization, Tobin et al. 2017; Zhu et al. 2018, section IV-E).
public enum PushingStyleSource: Sendable, Hashable {
    /// Every episode in this style (e.g. `.figure` for training without randomization, `.heldOut`
    /// for the stand-in for the real world).
    case fixed(PushingRenderStyle)
    /// A style drawn from the sampler at the start of every episode.
    case randomized(PushingStyleSampler)

    /// The style of a new episode (draws from `rng` only when randomized).
    public func style(rng: inout RandomSource) -> PushingRenderStyle {
        switch self {
        case .fixed(let style): style
        case .randomized(let sampler): sampler.sample(rng: &rng)
        }
    }
}

/// Lesson 7's pushing task seen through a camera: the policy gets a rendered image, while the
/// low-dimensional state stays available for an asymmetric critic and for a discriminator on the
/// object's state (Zhu et al. 2018: "the critic sees the state, the policy sees pixels").
///
/// The wrapper owns a `BlockPushing` and its renderer. An episode begins with `episodeStart`
/// (lesson 4's rule, so demonstration-state resets plug in unchanged) and a style from `styles`;
/// every state, the first and each after a step, is rendered in that style into ``image``
/// (size × size × 3, NHWC, standardized per channel unless `standardizesImages` is false).
/// ``state`` is the environment's usual observation vector (pusher and block features, see
/// `BlockPushing.pusherFeatures` and `.blockFeatures`), for the critic and `DiscriminatorView`.
///
/// Everything random (the episode start, the style, the pixel noise) is drawn from the `rng` the
/// caller passes, so a seed fixes the images. Copies share the renderer (a class holding a Cairo
/// surface): use one wrapper per thread.
///
/// ```swift
/// var rng = RandomSource(seed: 0)
/// var env = try PixelPushingEnvironment(styles: .randomized(PushingStyleSampler()), rng: &rng)
/// let step = try env.step([0.5, 0], rng: &rng)   // env.image for the policy, step.observation (the state) for the critic
/// ```
public struct PixelPushingEnvironment {
    /// The simulated task (its observation is ``state``).
    public private(set) var environment: BlockPushing
    /// Draws the images.
    public let renderer: PushingPixelRenderer
    /// Where each episode's style comes from.
    public var styles: PushingStyleSource
    /// How each episode begins (for instance from demonstration states).
    public var episodeStart: EpisodeStart<BlockPushing>
    /// Whether images are standardized per channel (``ImageShape/standardize(_:minimumSpread:)``).
    public var standardizesImages: Bool
    /// The current episode's rendering style.
    public private(set) var style: PushingRenderStyle
    /// The policy's observation: the current state rendered in ``style``, ``imageShape``.count values.
    public private(set) var image: [Float]

    /// The wrapper of `task`'s environment rendered at `size` × `size`, starting its first episode.
    ///
    /// - Throws: what the renderer (Cairo) or `episodeStart` throws.
    public init(task: PushingTask = PushingTask(), size: Int = 48, styles: PushingStyleSource = .fixed(.figure),
                episodeStart: EpisodeStart<BlockPushing> = .environmentReset, standardizesImages: Bool = true,
                rng: inout RandomSource) throws {
        environment = task.environment
        renderer = try PushingPixelRenderer(environment: environment, size: size)
        self.styles = styles
        self.episodeStart = episodeStart
        self.standardizesImages = standardizesImages
        style = .figure
        image = []
        try reset(rng: &rng)
    }

    /// The shape of ``image``.
    public var imageShape: ImageShape { renderer.observationShape }
    /// The low-dimensional observation of the current state (for the critic and the discriminator).
    public var state: [Float] { environment.observation }
    /// The block's centre, the auxiliary head's regression target.
    public var blockPosition: [Float] { [Float(environment.state.block.x), Float(environment.state.block.y)] }
    /// The pusher's centre, an auxiliary regression target.
    public var pusherPosition: [Float] { [Float(environment.state.pusher.x), Float(environment.state.pusher.y)] }
    /// The action box.
    public var actionSpace: Box { environment.actionSpace }

    /// Starts an episode: a style from ``styles``, then a state from ``episodeStart``, rendered.
    ///
    /// - Throws: what `episodeStart` throws.
    public mutating func reset(rng: inout RandomSource) throws {
        style = styles.style(rng: &rng)
        _ = try episodeStart.begin(&environment, &rng)
        render(rng: &rng)
    }

    /// Applies `action` (clipped into the action box) and renders the new state. The returned
    /// step's observation is the *state*; the image is ``image``. The episode is not restarted
    /// when the step ends it: call ``reset(rng:)``.
    ///
    /// - Throws: what `BlockPushing.step` throws (NaN or wrong-length actions).
    public mutating func step(_ action: [Float], rng: inout RandomSource) throws -> Step {
        let step = try environment.step(environment.actionSpace.clip(action))
        render(rng: &rng)
        return step
    }

    private mutating func render(rng: inout RandomSource) {
        image = renderer.render(environment.state, style: style, rng: &rng)
        if standardizesImages { imageShape.standardize(&image) }
    }
}
