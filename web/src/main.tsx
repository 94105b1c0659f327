import "./app/public-styles";
import "./app/i18n";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Providers } from "./app/providers";
import { takeOverFirstVisit } from "./features/capture/first-visit-draft";

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
// A first visit of /thu-thap may have painted the server's form: carry what was typed over.
takeOverFirstVisit();
createRoot(root).render(
  <StrictMode>
    <Providers />
  </StrictMode>,
);
