import { ActionIcon, Button, Loader, Text } from "@mantine/core";
import type { OrgUnitKind } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { AnchorLink } from "../../components/anchor-link";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../components/error-text";
import { unitListQuery } from "./api";
import { kindLabel, typeLabel } from "./labels";

export type TreeUnit = {
  id: string;
  fullName: string;
  kind: OrgUnitKind;
  type?: string | null;
  code?: string | null;
  /** Unknown for the role units at the top. */
  childCount?: number;
};

const CHILD_PAGE = 100;

/** A browsable tree from the given top units; each level loads when opened. */
export function UnitTree({ roots, at }: { roots: TreeUnit[]; at?: string }) {
  return (
    <ul className="td-tree">
      {roots.map((u) => (
        <TreeNode key={u.id} unit={u} at={at} initiallyOpen />
      ))}
    </ul>
  );
}

function TreeNode({
  unit,
  at,
  initiallyOpen = false,
}: {
  unit: TreeUnit;
  at?: string;
  initiallyOpen?: boolean;
}) {
  const { t } = useTranslation("console");
  const [open, setOpen] = useState(initiallyOpen);
  const expandable = unit.childCount === undefined || unit.childCount > 0;
  const type = typeLabel(t, unit.type ?? null) ?? kindLabel(t, unit.kind);
  const groupId = `tree-${unit.id}`;
  return (
    <li>
      <div className="td-tree-row">
        {expandable ? (
          <ActionIcon
            variant="subtle"
            color="gray.8"
            size="md"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={open ? groupId : undefined}
            aria-label={
              open ? t("units.collapse", { name: unit.fullName }) : t("units.expand", { name: unit.fullName })
            }
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
          </ActionIcon>
        ) : (
          <span className="td-tree-spacer" />
        )}
        <Text component="span" className="td-break">
          <AnchorLink to="/don-vi/$id" params={{ id: unit.id }} search={at ? { at } : {}}>
            {unit.fullName}
          </AnchorLink>
          {(type || unit.code) && (
            <Text component="span" c="dimmed" size="sm">
              {" "}
              ({[type, unit.code].filter(Boolean).join(" · ")})
            </Text>
          )}
        </Text>
      </div>
      {/* The id is on a wrapper that is always there when open: loading, empty or listed. */}
      {open && (
        <div id={groupId}>
          <TreeChildren parentId={unit.id} at={at} />
        </div>
      )}
    </li>
  );
}

function TreeChildren({ parentId, at }: { parentId: string; at?: string }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const query = useInfiniteQuery(unitListQuery({ parentId, at, limit: CHILD_PAGE }));
  if (query.isPending) {
    return <Loader size="xs" ml="xl" aria-label={t("common.loading")} />;
  }
  if (query.isError) {
    return (
      <Text c="red.9" size="sm" ml="xl" role="alert">
        {errorText(tp, query.error)}
      </Text>
    );
  }
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <Text c="dimmed" size="sm" ml="xl">
        {t("units.noChildren")}
      </Text>
    );
  }
  return (
    <ul>
      {items.map((u) => (
        <TreeNode key={u.id} unit={u} at={at} />
      ))}
      {query.hasNextPage && (
        <li>
          <Button
            variant="subtle"
            size="compact-sm"
            ml="xl"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </li>
      )}
    </ul>
  );
}
