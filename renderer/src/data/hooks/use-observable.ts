import { useEffect, useState } from 'react';
import type { DependencyList } from 'react';
import type { Observable } from 'rxjs';

/**
 * Subscribes to the observable the factory builds while the component is mounted; rebuilds it when `deps` change.
 * Returns `initial` until the first emission of each new observable.
 */
export function useObservable<T>(factory: () => Observable<T> | null, deps: DependencyList, initial: T): T {
  const [state, setState] = useState<{ deps: DependencyList; value: T }>({ deps, value: initial });
  useEffect(() => {
    const obs = factory();
    if (!obs) {
      setState({ deps, value: initial });
      return undefined;
    }
    const sub = obs.subscribe((value) => setState({ deps, value }));
    return () => sub.unsubscribe();
    // The caller's deps decide when to rebuild, as with useMemo.
  }, deps);
  const fresh = state.deps.length === deps.length && state.deps.every((d, i) => Object.is(d, deps[i]));
  return fresh ? state.value : initial;
}
