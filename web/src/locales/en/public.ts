import type { publicVi } from "../vi/public";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const publicEn: Shape<typeof publicVi> = {
  appName: "Toàn Dân",
  skipToContent: "Skip to main content",
  language: { label: "Language", vi: "Tiếng Việt", en: "English" },
  header: { signIn: "Sign in" },
  home: {
    eyebrow: "The movement",
    title: "All People Protect National Security",
    lead: "Toàn Dân is the information system of the movement. The Fatherland Front, the Police and the member organisations use it together, from the province down to every residential area.",
    signInCta: "Sign in for officials",
    pillarsTitle: "Everyone keeps the peace together",
    pillars: {
      report: {
        title: "Report crime",
        body: "Citizens report crimes and violations of the law to the police; the identity of the person reporting is kept confidential.",
      },
      safe: {
        title: "Safe residential areas",
        body: "Residential areas, communes, wards, agencies, enterprises and schools strive to be recognised as “Safe in security and order”.",
      },
      festival: {
        title: "Festival day, 19 August",
        body: "Every 19 August is the All People Protect National Security festival day in every residential area.",
      },
    },
    comingTitle: "Coming soon for citizens",
    comingBody:
      "Send an anonymous crime tip, send feedback or a petition and follow its outcome, read news and warnings about new methods of crime.",
    emergency: "In an emergency, call the police on 113.",
  },
  footer: "Information system of the All People Protect National Security movement",
  signIn: {
    title: "Sign in",
    intro: "For officials of the Front, the Police and the member organisations.",
    username: "Username",
    password: "Password",
    submit: "Sign in",
    backHome: "Back to home",
  },
  notFound: {
    title: "Not found, or you may not see it",
    body: "The page or record does not exist, was removed, or lies outside your account's scope.",
    home: "Back to home",
    console: "Back to my work page",
  },
  retry: "Try again",
  errors: {
    validation_failed: "The input is not valid. Check the highlighted fields.",
    unauthenticated: "You are not signed in, or your session has expired.",
    invalid_credentials:
      "Wrong username or password, or the account is locked for a while after too many failed sign-ins. Check and try again later.",
    account_locked: "Too many failed sign-ins. The account is locked for a while.",
    account_disabled: "This account is disabled. Contact an administrator.",
    csrf_invalid: "Invalid session token; reload the page.",
    forbidden: "You may not do this.",
    not_found: "Not found, or you may not see it.",
    conflict: "This conflicts with existing data.",
    /** A refusal the server explains in its own (Vietnamese) words: a locked period, a number in use. */
    serverSays: "{{generic}} ({{message}})",
    reference_missing: "A referenced record does not exist.",
    period_locked:
      "The report period is approved and its records are locked; the level above must unlock it first.",
    invalid_transition: "This state change is not allowed.",
    payload_too_large: "The request is too large.",
    rate_limited: "Too many requests; try again later.",
    uri_too_long: "The request URL is too long.",
    headers_too_large: "The request's header fields are too large. Clear this site's cookies and try again.",
    unsupported_media_type: "The request's content type is not supported.",
    not_acceptable: "No response format matches the request.",
    idempotency_key_reused:
      "This send key was already used for a different record; enter it as a new record.",
    record_restricted:
      "Processing of this record is restricted at the data subject's request; it cannot be changed or added to until the data-protection officer lifts the restriction.",
    version_conflict:
      "Someone changed this record after you opened it; look at the latest version and edit again.",
    internal_error: "Something went wrong.",
    service_unavailable: "The service is briefly unavailable; try again in a moment.",
    network_error: "Cannot reach the server. Check the network and try again.",
    fallback: "Something went wrong (ref: {{requestId}})",
    fallbackNoId: "Something went wrong.",
  },
  validation: {
    required: "Please fill this in.",
    tooShort: "At least {{min}} characters.",
    tooLong: "At most {{max}} characters.",
    invalid: "Not a valid value.",
  },
};
