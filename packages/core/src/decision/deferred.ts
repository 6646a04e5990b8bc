import type { Explained } from './explanation';
import { unreachable } from '../_lib/unreachable';

type Deferrable = 'findings' | 'explanation';

/** Replaces a lazy property with its value, as a plain data property (a frozen decision keeps its getter, which still answers). */
function settle<T>(decision: object, key: Deferrable, value: T): T {
  Reflect.defineProperty(decision, key, { value, enumerable: true, writable: true, configurable: true });
  return value;
}

/** Its constructor returns the object it is given, so that a subclass's private fields land on that object. */
// eslint-disable-next-line @typescript-eslint/no-extraneous-class -- the constructor is the whole point (see above)
class OnTarget {
  constructor(target: object) {
    return target;
  }
}

/**
 * Gives a plain `{ allowed }` object what it needs to build its findings and explanation later:
 * the builder in a private field (which no spread, JSON.stringify, structuredClone or deep equality
 * sees, and which leaves the object's prototype `Object.prototype`), and the two lazy properties as
 * own enumerable accessors. The accessors are shared by every decision: a getter made per decision
 * would give each object its own hidden class, which costs V8 ten times more.
 */
class Deferred extends OnTarget {
  #build: (() => Explained) | undefined;
  #built: Explained | undefined;

  constructor(target: { readonly allowed: boolean }, build: () => Explained) {
    super(target);
    this.#build = build;
    Object.defineProperty(this, 'findings', LAZY.findings);
    Object.defineProperty(this, 'explanation', LAZY.explanation);
  }

  static built(decision: Deferred): Explained {
    if (decision.#built === undefined) {
      decision.#built = (decision.#build ?? unreachable('the builder'))();
      decision.#build = undefined;
    }
    return decision.#built;
  }
}

const lazily = (key: Deferrable): PropertyDescriptor => ({
  enumerable: true,
  configurable: true,
  get(this: Deferred) {
    return settle(this, key, Deferred.built(this)[key]);
  },
  set(this: Deferred, value: unknown) {
    settle(this, key, value);
  },
});

const LAZY: Readonly<Record<Deferrable, PropertyDescriptor>> = {
  findings: lazily('findings'),
  explanation: lazily('explanation'),
};

/**
 * A decision whose verdict is known now and whose findings and explanation are built by `build`
 * on the first read of either, once. Both are own enumerable properties that turn into plain data
 * when read, so spreading, `JSON.stringify`, `structuredClone` and deep equality see the same
 * object as an eager `{ allowed, findings, explanation }`. `build` must reach the same verdict.
 */
export function deferExplained(allowed: boolean, build: () => Explained): Explained {
  return new Deferred({ allowed }, build) as unknown as Explained;
}
