import { afterEach, describe, expect, it } from "vitest";
import { takeFirstVisitDraft, takeOverFirstVisit } from "./first-visit-draft";

/** The server's first-visit form as it comes (server/src/modules/capture/first-visit.html.ts). */
const FORM = `<form id="td-first-capture" method="post" action="/thu-thap/hoat-dong">
<input type="hidden" name="_csrf" value="tok"><input type="hidden" name="clientId" value="c1">
<select name="kind"><option value="propaganda_session">Tuyên truyền</option><option value="meeting" selected>Họp</option></select>
<input type="text" name="date" value="06/12/2026">
<input type="checkbox" name="organizerBodyIds" value="b1"><input type="checkbox" name="organizerBodyIds" value="b2">
<input type="checkbox" name="topics" value="drugs">
<input type="text" name="title" value="">
<input type="text" name="attendees" value=""><input type="text" name="broadcastHours" value="">
</form>`;

function serverPage() {
  document.head.innerHTML = '<link rel="stylesheet" href="/assets/main.css" media="print" data-td-deferred>';
  document.body.innerHTML = `<div id="root">${FORM}</div>`;
  history.replaceState(null, "", "/thu-thap");
}

afterEach(() => {
  takeFirstVisitDraft();
  document.head.innerHTML = "";
  document.body.innerHTML = "";
});

describe("takeOverFirstVisit", () => {
  it("applies the held-back styles and leaves an untouched form to the app's hub", () => {
    serverPage();
    takeOverFirstVisit();
    expect(document.querySelector("link")!.media).toBe("all");
    expect(takeFirstVisitDraft()).toBeNull();
    expect(location.pathname).toBe("/thu-thap");
  });

  it("carries what was typed over to the app's activity form, once", () => {
    serverPage();
    const form = document.querySelector("form")!;
    form.querySelector<HTMLSelectElement>("[name=kind]")!.value = "propaganda_session";
    form.querySelector<HTMLInputElement>("[value=b2]")!.checked = true;
    form.querySelector<HTMLInputElement>("[name=topics]")!.checked = true;
    form.querySelector<HTMLInputElement>("[name=title]")!.value = "Họp khóm";
    form.querySelector<HTMLInputElement>("[name=attendees]")!.value = "1.157";
    takeOverFirstVisit();
    expect(location.pathname).toBe("/thu-thap/hoat-dong");
    expect(takeFirstVisitDraft()).toEqual({
      kind: "propaganda_session",
      date: "06/12/2026",
      organizerBodyIds: ["b2"],
      topics: ["drugs"],
      title: "Họp khóm",
      attendees: "1.157",
      broadcastHours: "",
    });
    expect(takeFirstVisitDraft()).toBeNull();
  });

  it("does nothing on a page the server did not render", () => {
    document.body.innerHTML = '<div id="root"></div>';
    history.replaceState(null, "", "/thu-thap");
    takeOverFirstVisit();
    expect(takeFirstVisitDraft()).toBeNull();
    expect(location.pathname).toBe("/thu-thap");
  });
});
