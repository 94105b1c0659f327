import { Anchor, type AnchorProps } from "@mantine/core";
import { createLink } from "@tanstack/react-router";
import type { AnchorHTMLAttributes, Ref } from "react";

type Props = AnchorProps & AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

function MantineAnchor(props: Props) {
  return <Anchor {...props} />;
}

/** A router link with Mantine's anchor styling and typed route params. */
export const AnchorLink = createLink(MantineAnchor);
