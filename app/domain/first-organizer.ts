// How the first organizer of an installation is made: the one command the server's log and the
// empty home page both show, so they cannot disagree.
export const FIRST_ORGANIZER_COMMAND = 'npm run organizer:create -- --email you@example.org --name "Your name"';
