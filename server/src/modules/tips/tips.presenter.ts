import { clockNow, hourInVietnam } from "@toandan/contracts";
import type { TipCategory, TipChannel, TipDetail, TipStatus, TipSummary } from "@toandan/contracts";
import type { Envelope } from "../../kernel/envelope";
import { clocksOf } from "../citizen";
import { openIntakeRecord } from "./tips.intake";
import { tipAbilities } from "./tips.policy";
import type { MessageRow, NoticeRow, TipRow } from "./tips.queries";
import type { Actor } from "../../kernel/authz";

/** "2026-11-30T14" in Vietnam time: the hour, never the minute. */
const hourLabel = hourInVietnam;

export function presentTipSummary(r: TipRow, now = clockNow()): TipSummary {
  return {
    id: r.id,
    code: r.code,
    category: r.category as TipCategory,
    channel: r.channel as TipChannel,
    status: r.status as TipStatus,
    urgency: r.urgency,
    receivedHour: hourLabel(r.receivedHour),
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    remote: r.remote,
    duplicateOfCode: r.duplicateOfCode,
    extensionLevel: r.extensionLevel,
    // Only the investigation agency may decide or suspend (tips.policy), so these are its acts.
    clocks: clocksOf({ ...r, agencyHandledAt: r.firstSuspendedAt ?? r.decidedAt }, now),
    awaitingReply: r.awaitingReply,
  };
}

export function presentMessages(env: Envelope, tipId: string, messages: MessageRow[]) {
  return messages.map((m) => ({
    from: m.author,
    body: env.openText(m.body, `tip:${tipId}:message:${m.n}`),
    sentHour: hourLabel(m.sentHour),
  }));
}

type Content = { description: string; place?: string; occurredOn?: string; occurredTime?: string };
type Contact = {
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  identityNumber?: string;
  birthYear?: number;
};

export function presentTipDetail(
  env: Envelope,
  actor: Actor,
  r: TipRow,
  messages: MessageRow[],
  attachments: { n: number; mediaType: string; bytes: number }[],
  notices: NoticeRow[] = [],
): TipDetail {
  const content = JSON.parse(env.openText(r.content, `tip:${r.id}:content`)) as Content;
  // A contact restricted at the tipster's request is not opened for the staff's display.
  const contact =
    r.contact && !r.contactRestricted
      ? (JSON.parse(env.openText(r.contact, `tip:${r.id}:contact`)) as Contact)
      : null;
  return {
    ...presentTipSummary(r),
    description: content.description,
    place: content.place ?? null,
    occurredOn: content.occurredOn ?? null,
    occurredTime: content.occurredTime ?? null,
    contact: contact
      ? {
          name: contact.name ?? null,
          phone: contact.phone ?? null,
          email: contact.email ?? null,
          address: contact.address ?? null,
          identityNumber: contact.identityNumber ?? null,
          birthYear: contact.birthYear ?? null,
        }
      : null,
    contactWithdrawnOn: r.contactWithdrawnOn,
    contactRestricted: Boolean(r.contact) && r.contactRestricted,
    intake: openIntakeRecord(env, r.id, r.intake),
    attachments,
    messages: presentMessages(env, r.id, messages),
    outcome: (r.outcome as TipDetail["outcome"]) ?? null,
    casesSolved: r.casesSolved,
    arrests: r.arrests,
    peopleHandled: r.peopleHandled,
    outcomeNote: env.openOptionalText(r.outcomeNote, `tip:${r.id}:outcome-note`),
    outcomeGround: (r.outcomeGround as TipDetail["outcomeGround"]) ?? null,
    suspendedAt: r.suspendedAt?.toISOString() ?? null,
    resumedAt: r.resumedAt?.toISOString() ?? null,
    notices: notices.map((n) => ({ ...n, sentAt: n.sentAt.toISOString() })),
    can: tipAbilities(actor, r),
  };
}
