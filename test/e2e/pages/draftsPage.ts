import type { Page } from 'playwright-core';
import { ShellPage } from './workspacePages';

/** Page model of the Review queue: the queue, one draft's review, the decision. */
export class DraftsPage {
  constructor(private page: Page) {}

  async open() {
    await new ShellPage(this.page).go('Review queue');
  }
  rows() {
    return this.page.getByRole('table', { name: 'Marketing drafts' }).locator('tbody tr');
  }
  async openDraft(title: string) {
    await this.page.getByRole('table', { name: 'Marketing drafts' }).getByRole('button', { name: title, exact: true }).click();
  }
  state() {
    return this.page.locator('.dr-head .dr-state');
  }
  preview(fileName: string) {
    return this.page.frameLocator(`iframe[title="Preview of ${fileName}"]`);
  }
  previewFrame(fileName: string) {
    return this.page.locator(`iframe[title="Preview of ${fileName}"]`);
  }
  removedNotice() {
    return this.page.locator('.dr-removed');
  }
  findings(fileName: string) {
    return this.page.getByRole('list', { name: `Checks on ${fileName}` }).locator('li');
  }
  /** Selects `text` inside a file's highlighted text, as a reviewer does with the mouse. */
  async selectText(fileName: string, text: string) {
    await this.page.getByLabel(`Text of ${fileName}`).evaluate((pre, wanted) => {
      const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        pre.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`"${wanted}" is not in the text`);
    }, text);
  }
  commentForm(fileName: string) {
    return this.page.getByRole('form', { name: `Comment on ${fileName}` });
  }
  async comment(fileName: string, body: string) {
    await this.commentForm(fileName).getByLabel('Comment', { exact: true }).fill(body);
    await this.commentForm(fileName).getByRole('button', { name: 'Add comment' }).click();
  }
  comments(fileName: string) {
    return this.page.getByRole('list', { name: `Comments on ${fileName}` }).locator('li');
  }
  async startReview() {
    await this.page.getByRole('button', { name: 'Start review' }).click();
  }
  async requestChanges(note: string) {
    await this.page.getByLabel('Decision note').fill(note);
    await this.page.getByRole('button', { name: 'Request changes' }).click();
  }
  async resubmit(file: { name: string; mimeType: string; buffer: Buffer }, note: string) {
    await this.page.getByLabel('Files of the new version').setInputFiles(file);
    await this.page.getByLabel('What changed').fill(note);
    await this.page.getByRole('button', { name: /^Resubmit as version \d+$/ }).click();
  }
  diff() {
    return this.page.getByRole('region', { name: 'Changes since the last reviewed version' }).locator('.dr-diff > div');
  }
  async tickChecklist() {
    const boxes = this.page.getByRole('group', { name: 'Checklist' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }
  async approve() {
    await this.page.getByRole('button', { name: 'Approve', exact: true }).click();
  }
  approvedHash() {
    return this.page.getByLabel('Approved content hash');
  }
  error() {
    return this.page.locator('.dr-page .error-banner');
  }
}
