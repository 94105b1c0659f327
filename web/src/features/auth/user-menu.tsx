import { Button, Menu, Text, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { CurrentUser } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { signOut } from "../../api/session";
import { ChangePasswordModal } from "./change-password-modal";

export function UserMenu({ user, roleText }: { user: CurrentUser; roleText: string }) {
  const { t } = useTranslation("console");
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pwOpened, pw] = useDisclosure(false);

  const onSignOut = async () => {
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
          <Menu.Item onClick={() => void onSignOut()}>{t("shell.signOut")}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={pwOpened} onClose={pw.close} />
    </>
  );
}
