import "../../locales/register-console";
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import type { NewsListSchema } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { useLabels } from "../../lib/citizen-labels";

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve((r.result as string).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(new Error("read"));
    r.readAsDataURL(file);
  });
}

/** Front and police accounts publish news and warnings on the public portal. */
export function NewsAdminPage() {
  const user = useCurrentUser();
  const L = useLabels();
  const { t } = useTranslation();
  const qc = useQueryClient();
  usePageTitle(L.newsTitle);
  const units = user.roles.filter((r) => r.body === "front" || r.body === "police");
  const [unitId, setUnitId] = useState(units[0]?.orgUnitId ?? "");
  const [kind, setKind] = useState<"news" | "warning">("news");
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");
  const [image, setImage] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [people, setPeople] = useState<"none" | "consented" | "">("");
  const list = useQuery({
    queryKey: ["news", "list"],
    queryFn: ({ signal }) =>
      api<z.infer<typeof NewsListSchema>>("/public/news", { query: { limit: 20 }, signal }),
  });
  const m = useMutation({
    mutationFn: async () =>
      api<{ slug: string }>("/news", {
        method: "POST",
        body: {
          kind,
          orgUnitId: unitId,
          title,
          summary: summary || undefined,
          body,
          imageBase64: image ? await toBase64(image) : undefined,
          imageAlt: alt || undefined,
          imagePeople: image && people ? people : undefined,
        },
      }),
    onSuccess: () => {
      setTitle("");
      setSummary("");
      setBody("");
      setImage(null);
      setPeople("");
      void qc.invalidateQueries({ queryKey: ["news"] });
    },
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api(`/news/${id}/image-consent-withdrawal`, { method: "POST" }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["news"] }),
  });
  if (!can(user, "news.write") || units.length === 0) return <NotFoundContent />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate();
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{L.newsTitle}</Title>
      <Paper withBorder p="md" component="form" onSubmit={submit} maw={760}>
        <NativeSelect
          label={L.publishAs}
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={units.map((r) => ({
            value: r.orgUnitId,
            label: `${r.body === "police" ? "Công an" : "Mặt trận"} · ${r.orgUnitName}`,
          }))}
        />
        <NativeSelect
          label={L.kind}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as "news" | "warning")}
          data={[
            { value: "news", label: L.kinds.news },
            { value: "warning", label: L.kinds.warning },
          ]}
        />
        <TextInput
          label={L.title}
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
        />
        <TextInput
          label={L.summary}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          maxLength={500}
        />
        <Textarea
          label={L.body}
          required
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={6}
        />
        <FileInput
          label={L.image}
          accept="image/jpeg,image/png,image/webp"
          value={image}
          onChange={setImage}
          clearable
        />
        {image && (
          <>
            <TextInput label={L.imageAlt} value={alt} onChange={(e) => setAlt(e.currentTarget.value)} />
            <Radio.Group
              label={L.imagePeople}
              description={L.imagePeopleHint}
              required
              mt="sm"
              value={people}
              onChange={(v) => setPeople(v)}
            >
              <Stack gap={6} mt={6}>
                <Radio value="none" label={L.imagePeopleNone} />
                <Radio value="consented" label={L.imagePeopleConsented} />
              </Stack>
            </Radio.Group>
          </>
        )}
        {m.isError && (
          <Alert color="red" mt="sm">
            {errorText(t, m.error)}
          </Alert>
        )}
        {m.isSuccess && (
          <Alert color="green" mt="sm">
            {L.published} <Anchor href={`/tin-tuc/${m.data.slug}`}>/tin-tuc/{m.data.slug}</Anchor>
          </Alert>
        )}
        <Button type="submit" mt="md" loading={m.isPending}>
          {L.publish}
        </Button>
      </Paper>
      <Title order={2} size="h3">
        {L.latest}
      </Title>
      {withdraw.isError && <Alert color="red">{errorText(t, withdraw.error)}</Alert>}
      {list.data?.items.map((n) => (
        <Group key={n.id} gap="xs" wrap="wrap">
          <Text>
            {formatDate(n.publishedOn)} · {L.kinds[n.kind]} ·{" "}
            <Anchor href={`/tin-tuc/${n.slug}`}>{n.title}</Anchor> · {n.authorUnit}
          </Text>
          {n.imageWithdrawnOn && (
            <Text size="sm" c="dimmed">
              {L.imageWithdrawn.replace("{{date}}", formatDate(n.imageWithdrawnOn))}
            </Text>
          )}
          {n.imagePeople === "consented" && n.imageUrl && (
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              loading={withdraw.isPending && withdraw.variables === n.id}
              onClick={() => {
                if (window.confirm(L.imageWithdrawConfirm)) withdraw.mutate(n.id);
              }}
            >
              {L.imageWithdraw}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
