export interface Debounced {
  /** (Re)starts the timer: `fn` runs once, `ms` after the last call. */
  schedule(): void;
  /** Runs `fn` now if a call is pending. */
  flush(): void;
  cancel(): void;
}

export function debounce(fn: () => void, ms: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  return {
    schedule() {
      cancel();
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    flush() {
      if (timer === undefined) return;
      cancel();
      fn();
    },
    cancel,
  };
}
