import { useRef } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Changes the URL's parameters: `change` gets the latest ones and returns the next (history entry replaced). */
export type UrlParamsUpdate = (change: (latest: URLSearchParams) => URLSearchParams) => void;

/**
 * The URL's search parameters, and an update that starts from the latest URL. React Router hands a functional
 * update the parameters of the render the setter came from, so a queue click followed by typing before the next
 * render put the old queue back. Parameters an older render still shows are never taken for newer ones: the latest
 * is replaced only when the router hands out a new parameters object.
 */
export function useUrlParams(): [URLSearchParams, UrlParamsUpdate] {
  const [params, setParams] = useSearchParams();
  const seen = useRef(params);
  const latest = useRef(params);
  if (seen.current !== params) {
    seen.current = params;
    latest.current = params;
  }
  const update: UrlParamsUpdate = (change) => {
    latest.current = change(new URLSearchParams(latest.current));
    setParams(latest.current, { replace: true });
  };
  return [params, update];
}
