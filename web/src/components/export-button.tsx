import { Button } from "@mantine/core";
import { withQuery, type QueryValue } from "../api/client";
import { useTranslation } from "react-i18next";
import { downloadCsv, type CsvCell } from "../lib/csv";

/** "Xuất CSV" of exactly the rows on screen. */
export function ExportCsvButton({
  name,
  header,
  rows,
}: {
  name: string;
  header: readonly string[];
  rows: () => readonly (readonly CsvCell[])[];
}) {
  const { t } = useTranslation("console");
  return (
    <Button variant="default" size="sm" onClick={() => downloadCsv(name, header, rows())}>
      {t("common.exportCsv")}
    </Button>
  );
}

/** "Xuất Excel": the server builds the XLSX of the whole filtered list (not just the loaded page). */
export function ExportXlsxLink({ path, query }: { path: string; query: Record<string, QueryValue> }) {
  const { t } = useTranslation("console");
  return (
    <Button
      component="a"
      variant="default"
      size="sm"
      href={withQuery(`/api/v1${path}/export/xlsx`, query)}
      download
    >
      {t("common.exportXlsx")}
    </Button>
  );
}
