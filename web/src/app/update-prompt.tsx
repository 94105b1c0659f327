import "../locales/register-capture";
import { Button, Group, Notification } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useRegisterSW } from "virtual:pwa-register/react";

/** How often an open console asks whether a new version was published (hourly). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/**
 * Registers the service worker. A new version never takes over by itself (a cadre may be halfway
 * through a form): it waits, and says so, until the user presses "Cập nhật".
 */
export function UpdatePrompt() {
  const { t } = useTranslation("capture");
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) void registration.update().catch(() => {});
      }, CHECK_EVERY_MS);
    },
  });
  if (!needRefresh) return null;
  return (
    <Notification
      role="status"
      withCloseButton
      onClose={() => setNeedRefresh(false)}
      closeButtonProps={{ "aria-label": t("update.later") }}
      title={t("update.ready")}
      style={{
        position: "fixed",
        insetInline: 12,
        bottom: 12,
        zIndex: 400,
        maxWidth: 480,
        marginInline: "auto",
      }}
    >
      <Group justify="flex-end" mt="xs">
        <Button size="sm" onClick={() => void updateServiceWorker(true)}>
          {t("update.apply")}
        </Button>
      </Group>
    </Notification>
  );
}
