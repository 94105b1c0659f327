import "../../locales/register-console";
import "../../locales/register-media";
import { Anchor, Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import {
  ACTIVITY_TOPICS,
  MEDIA_ITEM_KINDS,
  MEDIA_PARTNER_KINDS,
  type MediaPartnership,
  type MediaPartnershipDetail,
} from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitBodiesQuery } from "../../api/org-units";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { ListPage, ListSection } from "../../components/list-page";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { addMediaItem, createMediaPartnership, mediaListQuery, mediaQuery } from "./api";

/** Partnerships with the press, radio and television in scope, each with its items. */
export function MediaPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("media");
  const { t: tc } = useTranslation("console");
  usePageTitle(t("media.title"));
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(mediaListQuery());
  if (!can(user, "activity.read")) return <NotFoundContent />;
  return (
    <ListPage
      title={t("media.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("media.add")}</Button>
        )
      }
    >
      <ListSection title={t("media.title")} id="media-list" query={query} empty={t("media.none")}>
        {(items) => (
          <Stack gap="sm">
            {items.map((p) => (
              <PartnershipCard key={p.id} p={p} />
            ))}
          </Stack>
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("media.add")}
        size="lg"
      >
        <PartnershipForm onDone={() => setCreating(false)} />
      </Modal>
    </ListPage>
  );
}

/** One partnership: partner, owner, period; its items and "Thêm tin, bài" when the API allows. */
function PartnershipCard({ p }: { p: MediaPartnership }) {
  const { t } = useTranslation("media");
  const { t: tc } = useTranslation("console");
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  const detail = useQuery({ ...mediaQuery(p.id), enabled: open }).data;
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {p.partnerName} · {t(`media.partnerKinds.${p.partnerKind}`)}
          </Title>
          <Text size="sm">
            {p.ownerBodyName} — {t("media.period")}: {formatDate(p.periodFrom)} – {formatDate(p.periodTo)}
            {p.agreementNumber ? ` · ${p.agreementNumber}` : ""}
            {p.agreementDate ? ` (${formatDate(p.agreementDate)})` : ""}
          </Text>
          <Text size="sm">
            {t("media.items")}: {formatNumber(p.items)}
          </Text>
        </Stack>
        <Button variant="light" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {t("media.open")}
        </Button>
      </Group>
      {open && detail && (
        <Stack gap="xs" mt="sm">
          {detail.itemList.length === 0 && <Text size="sm">{t("media.noItems")}</Text>}
          <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
            {detail.itemList.map((i) => (
              <li key={i.id}>
                <Text size="sm" span>
                  {formatDate(i.publishedOn)} · {t(`media.itemKinds.${i.kind}`)} ·{" "}
                  {i.link ? (
                    <Anchor href={i.link} target="_blank" rel="noopener noreferrer">
                      {i.title}
                    </Anchor>
                  ) : (
                    i.title
                  )}{" "}
                  · {tc(`activityTopics.${i.topic}`)}
                </Text>
              </li>
            ))}
          </ul>
          {detail.can.addItem && (
            <Button variant="default" onClick={() => setAdding(true)} maw={220}>
              {t("media.addItem")}
            </Button>
          )}
        </Stack>
      )}
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={adding}
        onClose={() => setAdding(false)}
        title={t("media.addItem")}
      >
        {detail && <ItemForm p={detail} onDone={() => setAdding(false)} />}
      </Modal>
    </Card>
  );
}

/** The unit and its body, the partner, the agreement and the period. */
function PartnershipForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("media");
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const bodies = useQuery(unitBodiesQuery(unitId)).data?.bodies ?? [];
  return (
    <Stack gap="sm">
      <UnitField label={t("media.unit")} value={unitId} onChange={setUnitId} required />
      <ActionForm
        key={unitId ?? ""}
        submitLabel={t("media.save")}
        fields={[
          {
            name: "ownerBodyId",
            label: t("media.owner"),
            kind: "select",
            required: true,
            options: [
              { value: "", label: t("media.chooseOwner") },
              ...bodies.map((b) => ({ value: b.id, label: b.name })),
            ],
          },
          {
            name: "partnerName",
            label: t("media.partnerName"),
            description: t("media.partnerNameHint"),
            required: true,
          },
          {
            name: "partnerKind",
            label: t("media.partnerKind"),
            kind: "select",
            required: true,
            initial: "print",
            options: MEDIA_PARTNER_KINDS.map((k) => ({ value: k, label: t(`media.partnerKinds.${k}`) })),
          },
          { name: "agreementNumber", label: t("media.agreementNumber") },
          { name: "agreementDate", label: t("media.agreementDate"), kind: "date" },
          { name: "periodFrom", label: t("media.periodFrom"), kind: "date", required: true },
          { name: "periodTo", label: t("media.periodTo"), kind: "date", required: true },
          { name: "notes", label: t("media.notes"), kind: "textarea" },
        ]}
        extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
        onSubmit={createMediaPartnership}
        onDone={() => {
          void qc.invalidateQueries({ queryKey: ["media"] });
          onDone();
        }}
      />
    </Stack>
  );
}

/** An item published or aired: date, title, kind, link, topic. */
function ItemForm({ p, onDone }: { p: MediaPartnershipDetail; onDone: () => void }) {
  const { t } = useTranslation("media");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  return (
    <ActionForm
      submitLabel={t("media.save")}
      fields={[
        { name: "publishedOn", label: t("media.publishedOn"), kind: "date", required: true },
        { name: "title", label: t("media.itemTitle"), required: true },
        {
          name: "kind",
          label: t("media.itemKind"),
          kind: "select",
          required: true,
          initial: "article",
          options: MEDIA_ITEM_KINDS.map((k) => ({ value: k, label: t(`media.itemKinds.${k}`) })),
        },
        { name: "link", label: t("media.link"), description: t("media.linkHint") },
        {
          name: "topic",
          label: t("media.topic"),
          kind: "select",
          required: true,
          initial: "law",
          options: ACTIVITY_TOPICS.map((k) => ({ value: k, label: tc(`activityTopics.${k}`) })),
        },
      ]}
      onSubmit={(b) => addMediaItem(p.id, b)}
      onDone={() => {
        void qc.invalidateQueries({ queryKey: ["media"] });
        onDone();
      }}
    />
  );
}
