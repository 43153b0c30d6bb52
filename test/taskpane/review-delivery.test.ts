import "./support/jsdom-gaps";
import { downloadBytes, downloadSupport, stampedFileName } from "../../src/taskpane/review/file-delivery";
import { forgetSystemUrl, recallSystemUrl, rememberSystemUrl, SYSTEM_URL_KEY } from "../../src/taskpane/review/system-url-memory";

describe("where a file can be saved from the pane", () => {
  it("allows downloads in browsers and WebView2, not in Excel for Mac or the old Windows webviews", () => {
    const chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
    expect(downloadSupport({ platform: "OfficeOnline", userAgent: chrome })).toBe("allowed");
    expect(downloadSupport({ platform: "PC", userAgent: chrome })).toBe("allowed");
    expect(downloadSupport({ platform: "Mac", userAgent: "Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 (KHTML, like Gecko)" })).toBe("blocked");
    expect(downloadSupport({ platform: "PC", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.19041" })).toBe("blocked");
    expect(downloadSupport({ platform: "PC", userAgent: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko" })).toBe("blocked");
  });

  it("downloads through an <a download> with the file name and removes the link", () => {
    const clicked: { name: string; href: string }[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ name: this.download, href: this.href });
    };
    URL.createObjectURL = () => "blob:stand-in";
    URL.revokeObjectURL = () => undefined;
    try {
      downloadBytes(new Uint8Array([0x82, 0xa0]), "登録用CSV_20250401-0930.csv", "text/csv");
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(clicked).toEqual([{ name: "登録用CSV_20250401-0930.csv", href: "blob:stand-in" }]);
    expect(document.querySelectorAll("a").length).toBe(0);
    expect(stampedFileName("メール下書き", "zip", new Date(2025, 11, 31, 23, 5))).toBe("メール下書き_20251231-2305.zip");
  });

  it("remembers the system URL in this browser only, under one key, and forgets it", () => {
    localStorage.clear();
    expect(recallSystemUrl()).toBe("");
    expect(rememberSystemUrl("https://example.invalid/")).toBe(true);
    expect(localStorage.getItem(SYSTEM_URL_KEY)).toBe("https://example.invalid/");
    expect(recallSystemUrl()).toBe("https://example.invalid/");
    forgetSystemUrl();
    expect(localStorage.length).toBe(0);
  });
});
