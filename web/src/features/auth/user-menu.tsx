import { Button, Menu, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { CurrentUser } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useState } from "react";
import { signOut } from "../../api/session";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { pendingRecords } from "../../lib/pending-records";
import { ChangePasswordModal } from "./change-password-modal";

export function UserMenu({ user, roleText }: { user: CurrentUser; roleText: string }) {
  const { t } = useTranslation("console");
  const { t: tc } = useTranslation("capture");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pwOpened, pw] = useDisclosure(false);

  const [unsent, setUnsent] = useState(0);

  // Records captured offline stay on the device for this account: say so before signing out.
  const askSignOut = async () => {
    const n = await pendingRecords(user.id);
    if (n > 0) setUnsent(n);
    else await onSignOut();
  };

  const onSignOut = async () => {
    setUnsent(0);
    try {
      await signOut(queryClient);
    } finally {
      await navigate({ to: "/dang-nhap" });
    }
  };

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="sm"
            styles={{ label: { maxWidth: 150, overflow: "hidden", textOverflow: "ellipsis" } }}
          >
            <VisuallyHidden>{`${t("shell.userMenu")} `}</VisuallyHidden>
            {user.username}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="black">
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed">
              {roleText}
            </Text>
          </Menu.Label>
          <Menu.Item onClick={pw.open}>{t("shell.changePassword")}</Menu.Item>
          <Menu.Item onClick={() => void askSignOut()}>{t("shell.signOut")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpened} onClose={pw.close} />
      <ConfirmDialog
        opened={unsent > 0}
        onClose={() => setUnsent(0)}
        title={tc("signOut.title")}
        confirmLabel={tc("signOut.confirm")}
        cancelLabel={tc("signOut.cancel")}
        onConfirm={() => void onSignOut()}
      >
        {tc("signOut.body", { count: unsent })}
      </ConfirmDialog>
    </>
  );
}
