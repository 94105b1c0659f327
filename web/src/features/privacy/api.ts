import type {
  Breach,
  BreachPage,
  ConsentText,
  ConsentTextList,
  LiftRestrictionResult,
  PersonRecords,
  PrivacyOverview,
  ProcessingRegister,
  RestrictedRecordList,
  RestrictionSource,
  SubjectRequestDetail,
  SubjectRequestPage,
} from "@toandan/contracts";
import { queryOptions } from "@tanstack/react-query";
import { api } from "../../api/client";

/** `getPrivacyOverview`: the officer's open clocks. */
export const overviewQuery = () =>
  queryOptions({
    queryKey: ["privacy", "overview"],
    queryFn: ({ signal }) => api<PrivacyOverview>("/privacy/overview", { signal }),
  });

/** `listProcessingActivities`: the register of processing. */
export const registerQuery = () =>
  queryOptions({
    queryKey: ["privacy", "register"],
    queryFn: ({ signal }) => api<ProcessingRegister>("/privacy/register", { signal }),
  });

/** `listDataSubjectRequests`: open ones first, by due time. */
export const requestsQuery = () =>
  queryOptions({
    queryKey: ["privacy", "requests"],
    queryFn: ({ signal }) => api<SubjectRequestPage>("/privacy/requests?limit=100", { signal }),
  });

/** `getDataSubjectRequest`. */
export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: ["privacy", "requests", id],
    queryFn: ({ signal }) => api<SubjectRequestDetail>(`/privacy/requests/${id}`, { signal }),
  });

/** `listBreaches`. */
export const breachesQuery = () =>
  queryOptions({
    queryKey: ["privacy", "breaches"],
    queryFn: ({ signal }) => api<BreachPage>("/privacy/breaches?limit=100", { signal }),
  });

/** `listConsentTexts`. */
export const consentTextsQuery = () =>
  queryOptions({
    queryKey: ["privacy", "consent-texts"],
    queryFn: ({ signal }) => api<ConsentTextList>("/privacy/consent-texts", { signal }),
  });

export const createRequest = (body: Record<string, unknown>) =>
  api<SubjectRequestDetail>("/privacy/requests", { method: "POST", body });
export const searchRecords = (id: string) =>
  api<PersonRecords>(`/privacy/requests/${id}/search`, { method: "POST" });
export const answerRequest = (id: string, body: Record<string, unknown>) =>
  api<SubjectRequestDetail>(`/privacy/requests/${id}/answer`, { method: "POST", body });
export const recordBreach = (body: Record<string, unknown>) =>
  api<Breach>("/privacy/breaches", { method: "POST", body });
export const recordBreachNotice = (id: string, body: Record<string, unknown>) =>
  api<Breach>(`/privacy/breaches/${id}/notice`, { method: "POST", body });
export const createConsentText = (body: Record<string, unknown>) =>
  api<ConsentText>("/privacy/consent-texts", { method: "POST", body });

/** Downloads (plain links: the session cookie goes with them). */
export const IMPACT_ASSESSMENT_URL = "/api/v1/privacy/impact-assessment";
export const breachNoticeUrl = (id: string) => `/api/v1/privacy/breaches/${id}/notice.docx`;
export const subjectExportUrl = (id: string) => `/api/v1/privacy/requests/${id}/export`;

/** A date typed dd/mm/yyyy (already ISO) and a time "hh:mm" as an instant in Vietnam time. */
export const vnInstant = (isoDate: unknown, time: unknown) =>
  typeof isoDate === "string" && isoDate
    ? `${isoDate}T${typeof time === "string" && /^\d{1,2}:\d{2}$/.test(time) ? time.padStart(5, "0") : "00:00"}:00+07:00`
    : undefined;
export const executeRequest = (id: string, body: Record<string, unknown>) =>
  api<SubjectRequestDetail>(`/privacy/requests/${id}/execute`, { method: "POST", body });

/** `listRestrictedRecords`: the officer's list of restricted records; every listing is logged with its reason. */
export const listRestrictions = (reason: string) =>
  api<RestrictedRecordList>(`/privacy/restrictions?reason=${encodeURIComponent(reason)}`);
/** `liftRestriction`: the record is back in its lists (audited with the reason). */
export const liftRestriction = (body: { source: RestrictionSource; recordId: string; reason: string }) =>
  api<LiftRestrictionResult>("/privacy/restrictions/lift", { method: "POST", body });
