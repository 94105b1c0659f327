import "../../locales/register-console";
import { Alert, Checkbox, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { useCurrentUser } from "../../lib/use-session";
import { AtDateField } from "./at-date-field";
import { UnitSearchResults } from "./unit-search-results";
import { UnitTree, type TreeUnit } from "./unit-tree";

export function UnitsPage() {
  const { t } = useTranslation("console");
  const user = useCurrentUser();
  usePageTitle(t("units.title"));
  const search = useSearch({ from: "/console/don-vi" });
  const navigate = useNavigate({ from: "/don-vi" });
  const [text, setText] = useState(search.q ?? "");
  const [debounced] = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    if ((search.q ?? "") === debounced) return;
    void navigate({ search: (s) => ({ ...s, q: debounced || undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const roots = useMemo<TreeUnit[]>(() => {
    const seen = new Map<string, TreeUnit>();
    for (const r of user.roles) {
      if (!seen.has(r.orgUnitId)) {
        seen.set(r.orgUnitId, { id: r.orgUnitId, fullName: r.orgUnitName, kind: r.orgUnitKind });
      }
    }
    return [...seen.values()];
  }, [user.roles]);

  const q = search.q ?? "";
  return (
    <Stack gap="lg">
      <Title order={1}>{t("units.title")}</Title>
      <AtDateField
        at={search.at}
        onChange={(at) => void navigate({ search: (s) => ({ ...s, at }), replace: true })}
      />
      {search.at && (
        <Alert variant="outline" color="gray.8" role="status">
          {t("date.viewing", { date: formatDate(search.at) })}
        </Alert>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="unit-search-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="unit-search-title">
            {t("units.searchTitle")}
          </Title>
          <TextInput
            type="search"
            label={t("units.searchLabel")}
            placeholder={t("units.searchPlaceholder")}
            value={text}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setText(e.currentTarget.value)}
          />
          <Checkbox
            label={t("units.includeHistoric")}
            checked={search.historic ?? false}
            onChange={(e) => {
              const historic = e.currentTarget.checked || undefined;
              void navigate({ search: (s) => ({ ...s, historic }), replace: true });
            }}
          />
          {q && <UnitSearchResults q={q} at={search.at} historic={search.historic ?? false} />}
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="unit-tree-title">
        <Stack gap="sm">
          <Title order={2} size="h3" id="unit-tree-title">
            {t("units.tree")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("units.treeHint")}
          </Text>
          <UnitTree roots={roots} at={search.at} />
        </Stack>
      </Paper>
    </Stack>
  );
}
