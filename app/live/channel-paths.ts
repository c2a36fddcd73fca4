// The pages of a live channel: the real final's, or its rehearsal's (`<slug>~rehearsal`).
import { competitionOfChannel, isRehearsalChannel } from "./protocol";

/** The big screen of a channel. */
export const boardPath = (channel: string) =>
  isRehearsalChannel(channel) ? `/live/${competitionOfChannel(channel)}/rehearsal` : `/live/${channel}`;
