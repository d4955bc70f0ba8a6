/** Online / offline, the last sync and pending outbound work, shown in the sidebar. */
export function ConnectionStatus() {
  return null;
}
