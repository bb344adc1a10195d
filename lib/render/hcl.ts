// A highlight.js grammar for HCL / Terraform (highlight.js ships none). Comments (`#`, `//`, `/* */`)
// are comments, so words inside them are never keywords; strings with `${…}` / `%{…}` templates;
// heredocs; block types and labels (`resource "aws_s3_bucket" "logs" {`); attribute names before `=`;
// the language's few keywords and literals; numbers.
import type { CallbackResponse, HLJSApi, Language, Mode } from "highlight.js";

export default function hcl(hljs: HLJSApi): Language {
  const TEMPLATE: Mode = {
    className: "subst",
    begin: /[$%]\{/,
    end: /\}/,
    keywords: { keyword: "for in if else endif endfor", literal: "true false null" },
    contains: [], // filled below (templates hold expressions, which hold strings)
  };
  const STRING: Mode = {
    className: "string",
    begin: /"/,
    end: /"/,
    illegal: /\n/,
    contains: [hljs.BACKSLASH_ESCAPE, TEMPLATE],
  };
  const HEREDOC: Mode = {
    className: "string",
    begin: /<<-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/,
    end: /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/,
    "on:begin": (match: RegExpMatchArray, response: CallbackResponse) => {
      response.data._delimiter = match[1];
    },
    "on:end": (match: RegExpMatchArray, response: CallbackResponse) => {
      if (response.data._delimiter !== match[1]) response.ignoreMatch();
    },
    contains: [TEMPLATE],
  };
  const NUMBER: Mode = { className: "number", begin: /\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/, relevance: 0 };
  const COMMENTS: Mode[] = [hljs.HASH_COMMENT_MODE, hljs.C_LINE_COMMENT_MODE, hljs.C_BLOCK_COMMENT_MODE];
  TEMPLATE.contains = [STRING, NUMBER];
  return {
    name: "HCL",
    aliases: ["terraform", "tf", "hcl2", "tfvars"],
    keywords: {
      keyword: "for in if",
      literal: "true false null",
      built_in: "var local module data each count path terraform self",
    },
    contains: [
      ...COMMENTS,
      HEREDOC,
      STRING,
      NUMBER,
      // A block's type at the start of a line: `resource "aws_vpc" "main" {`, `locals {`, `dynamic "x" {`.
      {
        begin: [/^\s*/, /[A-Za-z_][\w-]*/, /(?=(?:\s+(?:"[^"\n]*"|[A-Za-z_][\w-]*))*\s*\{)/],
        beginScope: { 2: "keyword" },
        relevance: 0,
      },
      // An attribute or object key: `bucket = …`, `"key" = …` is a string already.
      { className: "attr", begin: /\b[A-Za-z_][\w-]*(?=\s*=(?![=>]))/, relevance: 0 },
      // A function call: `lookup(`, `cidrsubnet(`.
      { className: "title", begin: /\b[A-Za-z_][\w]*(?=\()/, relevance: 0 },
    ],
  };
}
