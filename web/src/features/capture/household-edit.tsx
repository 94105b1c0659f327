import "../../locales/register-capture";
import { Alert, Loader, Stack, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { CaptureLayout, SaveButton } from "./capture-layout";
import { FigureInput } from "./form-parts";
import type { OutboxEntry } from "./outbox/db";
import { serverVersionOf } from "./outbox/outbox";
import { useCapture } from "./use-capture";

type Values = { headName: string; address: string; members: string };
export type HouseholdIdentity = Values;

/** A household's head, address and members: the new-household form's fields, and the edit's. */
export function HouseholdIdentityFields({
  register,
  errors,
}: {
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
}) {
  const { t } = useTranslation("capture");
  const required = t("form.required");
  return (
    <>
      <TextInput
        size="md"
        label={t("form.headName")}
        required
        error={errors.headName?.message}
        {...register("headName", { validate: (x) => x.trim() !== "" || required })}
      />
      <TextInput
        size="md"
        label={t("form.address")}
        required
        error={errors.address?.message}
        {...register("address", { validate: (x) => x.trim() !== "" || required })}
      />
      <FigureInput
        label={t("form.members")}
        required
        error={errors.members?.message}
        {...register("members", {
          validate: (x) => (/^\d+$/.test(x.trim()) && Number(x) >= 1 && Number(x) <= 50) || "1–50",
        })}
      />
    </>
  );
}
type Household = { id: string; headName: string; address: string; members: number; version: number };

/**
 * The household's current copy, read from the server when the edit opens: no personal data of a
 * sent household stays on the phone, so an edit needs the network to start (and says so).
 */
function useServerHousehold(id: string | undefined) {
  const online = typeof navigator === "undefined" || navigator.onLine;
  const query = useQuery({
    queryKey: ["capture", "household-edit", id],
    queryFn: () => api<Household>(`/households/${encodeURIComponent(id!)}`),
    enabled: Boolean(id) && online,
    gcTime: 0, // not kept in memory once the edit is closed
    retry: false,
  });
  if (!online || (query.error as { code?: string } | null)?.code === "network_error") {
    return { status: "offline" } as const;
  }
  if (query.error) return { status: "missing" } as const;
  if (query.data) return { status: "ready", household: query.data } as const;
  return { status: "loading" } as const;
}

function HouseholdFields({
  initial,
  resubmit,
  onSubmit,
}: {
  initial: Values;
  resubmit: boolean;
  onSubmit: (v: Values) => Promise<void>;
}) {
  const { t } = useTranslation("capture");
  const form = useForm<Values>({ defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
      <Stack gap="md">
        <HouseholdIdentityFields register={form.register} errors={errors} />
        <SaveButton label={resubmit ? t("form.resubmit") : t("form.save")} loading={isSubmitting} />
      </Stack>
    </form>
  );
}

const bodyOf = (v: Values) => ({
  headName: v.headName.trim(),
  address: v.address.trim(),
  members: Number(v.members),
});

/**
 * Edits a household already sent: opened online from the server's copy (`?edit=<id>`), saved on the
 * phone as a PATCH with the version it started from; or, after a 412, the device's copy merged in
 * this form and resent over the server's version (`?fix=<outbox id>`). Never last-write-wins.
 */
export function HouseholdEdit({ editId, fixing }: { editId?: string; fixing?: OutboxEntry | null }) {
  const { t } = useTranslation("capture");
  const { save, fix } = useCapture();
  const server = useServerHousehold(fixing ? undefined : editId);
  const [saved, setSaved] = useState(false);
  const navigate = useNavigate();

  const onSubmit = async (v: Values) => {
    const summary = `${v.headName.trim()} · ${v.address.trim()}`;
    if (fixing) {
      const ifMatch = serverVersionOf(fixing) ?? fixing.ifMatch;
      await fix(fixing.id, { body: bodyOf(v), form: v, summary, ifMatch });
    } else if (server.status === "ready") {
      const path = `/households/${server.household.id}`;
      await save([
        {
          kind: "householdEdit",
          method: "PATCH",
          path,
          readPath: path,
          ifMatch: server.household.version,
          body: bodyOf(v),
          form: v,
          summary,
        },
      ]);
    }
    setSaved(true);
  };

  let content;
  if (fixing?.form) {
    content = <HouseholdFields initial={fixing.form as Values} resubmit onSubmit={onSubmit} />;
  } else if (server.status === "ready") {
    const h = server.household;
    content = (
      <HouseholdFields
        initial={{ headName: h.headName, address: h.address, members: String(h.members) }}
        resubmit={false}
        onSubmit={onSubmit}
      />
    );
  } else if (server.status === "loading") {
    content = <Loader aria-label={t("form.loadingHousehold")} />;
  } else {
    content = (
      <Alert color={server.status === "offline" ? "yellow" : "red"} role="status">
        {server.status === "offline" ? t("form.needsNetwork") : t("form.notFound")}
      </Alert>
    );
  }
  return (
    <CaptureLayout
      title={t("form.editHousehold")}
      saved={saved}
      fixing={fixing}
      onAnother={() => void navigate({ to: "/thu-thap/ho-gia-dinh" })}
    >
      {content}
    </CaptureLayout>
  );
}
