/**
 * The lazily loaded screens' code, named once so a screen can start fetching the next
 * one early: the join form fetches the workshop's screens while the person types their
 * name, so on a slow network the ballot appears soon after they press Join.
 */
export const loadParticipantRoute = () => import('../features/workshop/ParticipantRoute');

let participantRequested = false;
/** Starts fetching the participant's screens (once); errors surface when the route really loads. */
export function preloadParticipantRoute(): void {
  if (participantRequested) return;
  participantRequested = true;
  loadParticipantRoute().catch(() => {
    participantRequested = false;
  });
}
