// Symbol.for gives every copy of this package the same symbol, so one copy recognises errors made
// by another (two versions side by side in node_modules, or a bundle next to an install). The key
// is part of the public contract: changing it would split errors by version.
const marker = Symbol.for('@mg/common/MgError')

/** What every error constructor of the `@mg` packages accepts as its last argument. */
export interface MgErrorOptions {
  /** The error that led to this one, kept as `error.cause`. */
  cause?: unknown
}

/**
 * The base of every error thrown by an `@mg` package: catch it to handle them all. Each package
 * adds only its own domain errors on top (`EngineError`, `NnError`, `DatasetsError`, `VizError`);
 * the kinds every package throws (`InvalidOptionError`, `LengthMismatchError`,
 * `InvalidLabelError`) extend it directly.
 *
 * `error instanceof MgError` holds even when two copies of `@mg/common` are installed: it checks
 * a marker rather than the prototype chain. A subclass checks the ordinary way, so
 * `error instanceof EngineError` stays exact.
 *
 * @example
 * ```ts
 * import { createRng, MgError } from '@mg/common'
 *
 * try {
 *   createRng(-1)
 * } catch (error) {
 *   if (error instanceof MgError) console.error(`${error.name}: ${error.message}`)
 *   else throw error
 * }
 * ```
 *
 * @group Errors
 */
export class MgError extends Error {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read by isErrorOf, below.
  private readonly [marker] = true

  constructor(message: string, options?: MgErrorOptions) {
    super(message, options)
    this.name = new.target.name
  }

  /**
   * Whether `value` is an error of this class. On `MgError` itself this checks the marker, so it
   * recognises errors from any installed copy of `@mg/common`; on a subclass it is the ordinary
   * prototype check, the same as `instanceof`.
   *
   * @example
   * ```ts
   * import { MgError } from '@mg/common'
   *
   * MgError.isInstance(new MgError('boom')) // true
   * MgError.isInstance(new Error('boom')) // false
   * ```
   */
  static isInstance<T>(this: abstract new (...args: never[]) => T, value: unknown): value is T {
    // biome-ignore lint/complexity/noThisInStatic: the class it is called on decides the check.
    return isErrorOf(this, value)
  }

  /**
   * Makes `instanceof` use {@link MgError.isInstance}.
   *
   * @hidden
   */
  static override [Symbol.hasInstance]<T>(
    this: abstract new (
      ...args: never[]
    ) => T,
    value: unknown,
  ): value is T {
    // biome-ignore lint/complexity/noThisInStatic: `instanceof Subclass` must check Subclass.
    return isErrorOf(this, value)
  }
}

function isErrorOf(errorClass: unknown, value: unknown): boolean {
  if (errorClass === MgError) {
    return typeof value === 'object' && value !== null && (value as MgError)[marker] === true
  }
  return Function.prototype[Symbol.hasInstance].call(errorClass, value)
}
