import { Table } from "@mantine/core";
import type { Key, ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/** One column: its header and how a row shows in it. */
export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** Figures line up on the right. */
  numeric?: boolean;
  /** Short values that read badly broken over lines (dates with times). */
  nowrap?: boolean;
};

/**
 * A table of records with column headers. Given a `label`, it scrolls sideways inside a named,
 * focusable region on a phone instead of widening the page.
 */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  label,
  minWidth,
  striped = true,
}: {
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  label?: string;
  minWidth?: number;
  striped?: boolean;
}) {
  const table = (
    <Table striped={striped} miw={minWidth} verticalSpacing="xs">
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key} scope="col" ta={c.numeric ? "right" : undefined}>
              {c.header}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={rowKey(row, i)}>
            {columns.map((c) => (
              <Table.Td
                key={c.key}
                ta={c.numeric ? "right" : undefined}
                style={c.nowrap ? { whiteSpace: "nowrap" } : undefined}
              >
                {c.cell(row)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
  return label ? <ScrollRegion label={label}>{table}</ScrollRegion> : table;
}
