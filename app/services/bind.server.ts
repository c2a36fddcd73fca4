// How a service factory hands its dependencies to module-level use cases: `bind(deps, save)` is `(...a) => save(deps, ...a)`.
export function bind<D, A extends unknown[], R>(deps: D, useCase: (deps: D, ...args: A) => R): (...args: A) => R {
  return (...args) => useCase(deps, ...args);
}
