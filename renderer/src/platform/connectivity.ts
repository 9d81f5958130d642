import { eventTargetConnectivity } from '../data/index.js';
import type { ConnectivitySource } from '../data/index.js';

/** The browser's online/offline events, the source the replication is given in the app. */
export function browserConnectivity(): ConnectivitySource {
  return eventTargetConnectivity(window, navigator);
}
