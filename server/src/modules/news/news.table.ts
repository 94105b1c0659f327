import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "../accounts/accounts.table";
import { orgUnits } from "../org-units/org-units.table";
import { consentTexts } from "../privacy/privacy.table";
import { bytea } from "../../kernel/columns";

/** News of the movement and warnings about crime methods, published on the portal. */
export const newsItems = pgTable(
  "news_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    kind: text("kind").notNull(),
    orgUnitId: uuid("org_unit_id")
      .notNull()
      .references(() => orgUnits.id),
    authorBody: text("author_body").notNull(),
    title: text("title").notNull(),
    summary: text("summary"),
    body: text("body").notNull(),
    image: bytea("image"),
    imageType: text("image_type"),
    imageAlt: text("image_alt"),
    /** Whether the photo shows people: "none" or "consented" (then it rests on their consent). */
    imagePeople: text("image_people"),
    /** The `photo` consent text version (privacy's consent_texts) the people shown agreed to. */
    imageConsentTextId: uuid("image_consent_text_id").references(() => consentTexts.id),
    /** The day the photo was erased because a person shown withdrew their consent. */
    imageWithdrawnOn: date("image_withdrawn_on"),
    publishedOn: date("published_on").notNull(),
    createdBy: uuid("created_by").references(() => accounts.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("news_kind_published_idx").on(t.kind, t.publishedOn)],
);
