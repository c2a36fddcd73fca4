// The organizers' partners as one service (`context.services.partners`): the list, one partner and
// its people, inviting one, editing, disabling. Each function checks that an organizer asks.
import type { SessionUser } from "../auth/deps.server";
import {
  invitePartner,
  listPartners,
  partnerDetail,
  personInviteLink,
  setPartnerDisabled,
  updatePartner,
  type PartnerFilter,
} from "./partners-admin.server";
import type { PartnerDeps } from "./partners-shared.server";

export function createPartnerService(deps: PartnerDeps) {
  return {
    list: (actor: SessionUser, competitionId: number, filter: PartnerFilter = {}) =>
      listPartners(deps, actor, competitionId, filter),
    detail: (actor: SessionUser, competitionId: number, partnerId: number) =>
      partnerDetail(deps, actor, competitionId, partnerId),
    invite: (actor: SessionUser, competitionId: number, raw: Record<string, unknown>) =>
      invitePartner(deps, actor, competitionId, raw),
    inviteLink: (actor: SessionUser, competitionId: number, personId: number) =>
      personInviteLink(deps, actor, competitionId, personId),
    update: (actor: SessionUser, competitionId: number, partnerId: number, raw: Record<string, unknown>) =>
      updatePartner(deps, actor, competitionId, partnerId, raw),
    setDisabled: (actor: SessionUser, competitionId: number, partnerId: number, disabled: boolean) =>
      setPartnerDisabled(deps, actor, competitionId, partnerId, disabled),
  };
}

export type PartnerService = ReturnType<typeof createPartnerService>;
