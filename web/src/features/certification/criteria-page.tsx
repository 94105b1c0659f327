import "../../locales/register-console";
import {
  Button,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  CERTIFICATION_UNIT_TYPES,
  UpdateCertificationCriteriaBodySchema,
  type CertificationUnitType,
  type CriteriaVersion,
  type CriteriaVersionList,
} from "@toandan/contracts";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { DateField } from "../../components/date-field";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { StatusBadge } from "../../components/status-badge";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { isoFromVn } from "../../lib/form-values";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { useCertWrite, WriteError } from "./form-kit";

/** The versions of the criteria in force, for the province the caller administers (server decides). */
export const criteriaVersionsQuery = queryOptions({
  queryKey: ["certification", "criteria-versions"],
  queryFn: ({ signal }) => api<CriteriaVersionList>("/certification/criteria-versions", { signal }),
});

/** Link from the certification area, shown only when the server says the caller may add a version. */
export function CriteriaAdminLink() {
  const { t } = useTranslation("certification");
  const q = useQuery(criteriaVersionsQuery);
  if (!q.data?.can.update) return null;
  return (
    <AnchorLink to="/chung-nhan/tieu-chi" fw={700}>
      {t("criteriaAdmin.link", { province: q.data.provinceName ?? "" })}
    </AnchorLink>
  );
}

export function CriteriaPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("certification");
  usePageTitle(t("criteriaAdmin.title"));
  const q = useQuery(criteriaVersionsQuery);
  if (!can(user, "certification.read")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("criteriaAdmin.title")}
        intro={t("criteriaAdmin.intro")}
        actions={<AnchorLink to="/chung-nhan">{t("criteriaAdmin.back")}</AnchorLink>}
      />
      <QueryState query={q}>
        {(data) => (
          <>
            {data.provinceId && (
              <Section
                title={t("criteriaAdmin.provinceVersions", { province: data.provinceName ?? "" })}
                id="province-versions"
              >
                {data.items.length === 0 ? (
                  <Text c="dimmed">{t("criteriaAdmin.noVersions")}</Text>
                ) : (
                  <VersionList items={data.items} />
                )}
              </Section>
            )}
            {data.can.update && data.provinceId && (
              <Section title={t("criteriaAdmin.newVersion")} id="new-version">
                <NewVersionForm provinceId={data.provinceId} />
              </Section>
            )}
            <Section title={t("criteriaAdmin.national")} id="national-versions">
              <Text size="sm" c="dimmed" mb="sm">
                {t("criteriaAdmin.nationalNote")}
              </Text>
              <VersionList items={data.national} />
            </Section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function VersionList({ items }: { items: CriteriaVersion[] }) {
  const { t } = useTranslation("certification");
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((v) => (
        <Paper key={v.id} withBorder p="sm" component="li">
          <Group gap="xs" wrap="wrap">
            <Text fw={700} className="td-break">
              {v.label}
            </Text>
            {v.inForce && <StatusBadge label={t("criteriaAdmin.inForce")} tone={{ color: "teal.9" }} />}
          </Group>
          <Text size="sm">
            {t("criteriaAdmin.effectiveFrom", { date: formatDate(v.effectiveFrom) })} ·{" "}
            {t("criteriaAdmin.cyclesAssessed", {
              count: v.cyclesAssessed,
              n: formatNumber(v.cyclesAssessed),
            })}
          </Text>
          <Text size="sm" c="dimmed" className="td-break">
            {t("basis", { basis: v.basis })}
            {v.createdByName &&
              ` · ${t("criteriaAdmin.by", { name: v.createdByName, date: formatDate(v.createdAt) })}`}
          </Text>
          {v.criteria.length > 0 && (
            <List size="sm" mt="xs">
              {v.criteria.map((c) => (
                <List.Item key={`${c.unitType}-${c.code}`}>
                  <strong>{t(`unitType.${c.unitType}`)}</strong> · {c.article}: {c.titleVi}
                </List.Item>
              ))}
            </List>
          )}
          {v.authorities.length > 0 && (
            <List size="sm" mt="xs">
              {v.authorities.map((a) => (
                <List.Item key={a.unitType}>
                  {t("criteriaAdmin.authorityOf", {
                    type: t(`unitType.${a.unitType}`),
                    authority: a.recognisingAuthority,
                  })}
                  {!a.authorityVerified && ` (${t("criteriaAdmin.unverified")})`}
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

type CriterionDraft = { unitType: CertificationUnitType; code: string; article: string; titleVi: string };
type AuthorityDraft = {
  unitType: CertificationUnitType;
  recognisingAuthority: string;
  authorityVerified: boolean;
};

function NewVersionForm({ provinceId }: { provinceId: string }) {
  const { t } = useTranslation("certification");
  const [effectiveFrom, setEffectiveFrom] = useState("");
  const [basis, setBasis] = useState("");
  const [criteria, setCriteria] = useState<CriterionDraft[]>([]);
  const [authorities, setAuthorities] = useState<AuthorityDraft[]>([]);
  const w = useCertWrite(
    `/certification/provinces/${provinceId}/criteria`,
    UpdateCertificationCriteriaBodySchema,
    () => {
      setCriteria([]);
      setAuthorities([]);
      setBasis("");
      setEffectiveFrom("");
    },
    "PUT",
  );
  const types = CERTIFICATION_UNIT_TYPES.map((u) => ({ value: u, label: t(`unitType.${u}`) }));
  const setC = (i: number, patch: Partial<CriterionDraft>) =>
    setCriteria(criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const setA = (i: number, patch: Partial<AuthorityDraft>) =>
    setAuthorities(authorities.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <form
      noValidate
      aria-label={t("criteriaAdmin.newVersion")}
      onSubmit={(e) => {
        e.preventDefault();
        w.submit({ effectiveFrom: isoFromVn(effectiveFrom), basis, extraCriteria: criteria, authorities });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("criteriaAdmin.formIntro")}
        </Text>
        <WriteError error={w.mutation.error} issues={w.issues} />
        {w.mutation.isSuccess && <Text role="status">{t("criteriaAdmin.saved")}</Text>}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t("criteriaAdmin.effectiveFromLabel")}
            required
            value={effectiveFrom}
            onChange={(e) => setEffectiveFrom(e.currentTarget.value)}
            error={w.issues.effectiveFrom}
          />
          <TextInput
            label={t("criteriaAdmin.basisLabel")}
            description={t("criteriaAdmin.basisHint")}
            required
            value={basis}
            onChange={(e) => setBasis(e.currentTarget.value)}
            error={w.issues.basis}
          />
        </SimpleGrid>
        <Text fw={700}>{t("criteriaAdmin.extraCriteria")}</Text>
        {criteria.map((c, i) => (
          <Paper key={i} withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t("criteriaAdmin.unitType")}
                value={c.unitType}
                onChange={(e) => setC(i, { unitType: e.currentTarget.value as CertificationUnitType })}
                data={types}
              />
              <TextInput
                label={t("criteriaAdmin.code")}
                required
                value={c.code}
                onChange={(e) => setC(i, { code: e.currentTarget.value })}
                error={w.issues[`extraCriteria.${i}.code`]}
              />
              <TextInput
                label={t("criteriaAdmin.article")}
                required
                value={c.article}
                onChange={(e) => setC(i, { article: e.currentTarget.value })}
                error={w.issues[`extraCriteria.${i}.article`]}
              />
            </SimpleGrid>
            <Textarea
              mt="xs"
              label={t("criteriaAdmin.titleVi")}
              required
              autosize
              minRows={2}
              value={c.titleVi}
              onChange={(e) => setC(i, { titleVi: e.currentTarget.value })}
              error={w.issues[`extraCriteria.${i}.titleVi`]}
            />
            <Button
              mt="xs"
              variant="subtle"
              color="red.9"
              size="xs"
              onClick={() => setCriteria(criteria.filter((_, j) => j !== i))}
            >
              {t("criteriaAdmin.remove")}
            </Button>
          </Paper>
        ))}
        <div>
          <Button
            variant="default"
            onClick={() =>
              setCriteria([...criteria, { unitType: "residential_area", code: "", article: "", titleVi: "" }])
            }
          >
            {t("criteriaAdmin.addCriterion")}
          </Button>
        </div>
        <Text fw={700}>{t("criteriaAdmin.authorities")}</Text>
        {authorities.map((a, i) => (
          <Paper key={i} withBorder p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t("criteriaAdmin.unitType")}
                value={a.unitType}
                onChange={(e) => setA(i, { unitType: e.currentTarget.value as CertificationUnitType })}
                data={types}
                error={w.issues[`authorities.${i}.unitType`]}
              />
              <TextInput
                label={t("criteriaAdmin.authority")}
                required
                value={a.recognisingAuthority}
                onChange={(e) => setA(i, { recognisingAuthority: e.currentTarget.value })}
                error={w.issues[`authorities.${i}.recognisingAuthority`]}
              />
            </SimpleGrid>
            <Checkbox
              mt="xs"
              label={t("criteriaAdmin.verified")}
              checked={a.authorityVerified}
              onChange={(e) => setA(i, { authorityVerified: e.currentTarget.checked })}
            />
            <Button
              mt="xs"
              variant="subtle"
              color="red.9"
              size="xs"
              onClick={() => setAuthorities(authorities.filter((_, j) => j !== i))}
            >
              {t("criteriaAdmin.remove")}
            </Button>
          </Paper>
        ))}
        <div>
          <Button
            variant="default"
            onClick={() =>
              setAuthorities([
                ...authorities,
                { unitType: "commune", recognisingAuthority: "", authorityVerified: false },
              ])
            }
          >
            {t("criteriaAdmin.addAuthority")}
          </Button>
        </div>
        <div>
          <Button type="submit" loading={w.mutation.isPending}>
            {t("criteriaAdmin.save")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
