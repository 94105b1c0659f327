import "../../locales/register-safe-families";
import { Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { type SafeFamily, todayInVietnam } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { ScrollRegion } from "../../components/scroll-region";
import { formatDate } from "../../lib/format";
import { isoFromVn } from "../../lib/form-values";

/** dd/mm/yyyy → ISO; what cannot be read goes as typed, for the server to refuse on its field. */
const asIso = (text: string): string => {
  const v = isoFromVn(text);
  return typeof v === "string" ? v : text;
};

/** A household's safe-family recognitions; a manager may withdraw a standing one, with the reason. */
export function SafeFamilyList({ items, canManage }: { items: SafeFamily[]; canManage: boolean }) {
  const { t } = useTranslation("safeFamilies");
  const [withdrawing, setWithdrawing] = useState<SafeFamily | null>(null);
  if (items.length === 0) return <Text c="dimmed">{t("safeFamilies.noRecognitions")}</Text>;
  return (
    <Stack gap="sm">
      <ScrollRegion label={t("safeFamilies.household")}>
        <Table striped miw={520} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("safeFamilies.year")}</Table.Th>
              <Table.Th scope="col">{t("safeFamilies.decidedByCol")}</Table.Th>
              <Table.Th scope="col">{t("safeFamilies.decidedOn")}</Table.Th>
              <Table.Th scope="col">{t("safeFamilies.numberCol")}</Table.Th>
              <Table.Th scope="col">{t("safeFamilies.statusCol")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.year}</Table.Td>
                <Table.Td className="td-break">
                  {s.decidedBy} ({t(`safeFamilies.levels.${s.decidedLevel}`)})
                </Table.Td>
                <Table.Td>{formatDate(s.decidedOn)}</Table.Td>
                <Table.Td>{s.decisionNumber ?? "—"}</Table.Td>
                <Table.Td className="td-break">
                  {s.withdrawnOn ? (
                    t("safeFamilies.withdrawnOn", {
                      date: formatDate(s.withdrawnOn),
                      reason: s.withdrawnReason,
                    })
                  ) : (
                    <Group gap="xs">
                      <Text size="sm">{t("safeFamilies.standing")}</Text>
                      {canManage && (
                        <Button size="xs" variant="outline" color="red.8" onClick={() => setWithdrawing(s)}>
                          {t("safeFamilies.withdraw")}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {withdrawing && <WithdrawForm item={withdrawing} onClose={() => setWithdrawing(null)} />}
    </Stack>
  );
}

function WithdrawForm({ item, onClose }: { item: SafeFamily; onClose: () => void }) {
  const { t } = useTranslation("safeFamilies");
  const queryClient = useQueryClient();
  const [on, setOn] = useState(formatDate(todayInVietnam()));
  const [reason, setReason] = useState("");
  const mutation = useMutation({
    mutationFn: () =>
      api<SafeFamily>(`/households/safe-families/${item.id}/withdraw`, {
        method: "POST",
        body: { withdrawnOn: asIso(on), reason: reason.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["households"] });
      onClose();
    },
  });
  return (
    <Stack gap="sm" component="form" onSubmit={(e) => (e.preventDefault(), mutation.mutate())}>
      <Text fw={700}>{t("safeFamilies.withdrawTitle", { year: item.year })}</Text>
      <Group grow align="flex-start">
        <DateField
          label={t("safeFamilies.decidedOn")}
          value={on}
          required
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        <TextInput
          label={t("safeFamilies.reason")}
          value={reason}
          required
          maxLength={1000}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      </Group>
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <Group>
        <Button type="submit" color="red.8" loading={mutation.isPending}>
          {t("safeFamilies.confirmWithdraw")}
        </Button>
        <Button variant="default" onClick={onClose}>
          {t("safeFamilies.cancel")}
        </Button>
      </Group>
    </Stack>
  );
}
