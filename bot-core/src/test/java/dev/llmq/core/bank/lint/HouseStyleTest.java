package dev.llmq.core.bank.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HouseStyleTest {
    static List<String> rules(List<HouseStyle.Finding> findings) {
        return findings.stream().map(HouseStyle.Finding::rule).toList();
    }

    @Test
    void theIssuesExamplesAreFound() {
        // "窗口为4096,32层" reads as 409,632; "O(n²):n = 32k 时"; "MQA(Shazeer,2019)"; a prompt ending in "?"
        assertTrue(rules(HouseStyle.chinese("a", "窗口为 4096,32 层")).get(0).startsWith("ASCII punctuation"));
        assertTrue(rules(HouseStyle.chinese("b", "复杂度 O(n²):n = 32k 时")).stream()
                .anyMatch(r -> r.startsWith("ASCII colon")));
        assertTrue(rules(HouseStyle.chinese("c", "MQA(Shazeer，2019)")).stream()
                .anyMatch(r -> r.startsWith("ASCII parenthesis")));
        assertTrue(rules(HouseStyle.chinese("d", "为什么需要 KV cache?")).get(0).startsWith("ASCII punctuation"));
        assertTrue(rules(HouseStyle.chinese("e", "很长的 prompt主导")).get(0).startsWith("no space"));
        assertTrue(rules(HouseStyle.chinese("f", "所谓「对齐税」")).get(0).startsWith("quotation marks"));
        assertTrue(rules(HouseStyle.chinese("g", "缩放定律")).get(0).startsWith("glossary"));
        assertTrue(rules(HouseStyle.english("h", "Quantisation halves memory.")).get(0).startsWith("spelling"));
        assertTrue(rules(HouseStyle.english("i", "the model's behaviour")).get(0).startsWith("spelling"));
    }

    @Test
    void theHouseStylePasses() {
        assertEquals(List.of(), HouseStyle.chinese("a", "窗口为 4096，共 32 层。MQA（Shazeer，2019）用于“对齐税”。"));
        assertEquals(List.of(), HouseStyle.chinese("b", "复杂度为 `O(n^2)`：n 为序列长度，09:00 发布，比例 1:1。"));
        assertEquals(List.of(), HouseStyle.chinese("c", "基于 Transformer 的模型，约 1 亿参数，2018 年；规模定律。"));
        assertEquals(List.of(), HouseStyle.english("d", "A specialist's emphasis on quantization and behavior."));
    }

    /** Issue 16: an answer does not say "the article" unless it names it. */
    @Test
    void anUnnamedArticleIsFoundAndANamedOneIsNot() {
        assertTrue(rules(HouseStyle.english("a", "The article lists three families.")).get(0).startsWith("an article"));
        assertTrue(rules(HouseStyle.chinese("b", "文中给出的经验标准是约 1 亿参数。")).get(0).startsWith("an article"));
        assertEquals(List.of(), HouseStyle.english("c", "vivida's interview-prep article lists three; the article adds none."));
        assertEquals(List.of(), HouseStyle.chinese("d", "vivida 的文章指出，该文的结论是……"));
        assertEquals(List.of(), HouseStyle.chinese("e", "在长上下文中，论文中和原文中的说法都不算。"));
    }

    @Test
    void codeAndFormulasAreSkippedButStillNeedTheirSpace() {
        assertEquals(List.of(), HouseStyle.chinese("a", "用 `softmax(x, dim=-1)` 或 $d_k$ 计算"));
        assertTrue(rules(HouseStyle.chinese("b", "用`x`计算")).get(0).startsWith("no space"));
    }

    @Test
    void aFindingSaysWhereAndShowsTheText() {
        HouseStyle.Finding f = HouseStyle.chinese("questions[x].answer.zh", "前文很长很长很长，窗口为4096,32层，后文").get(0);
        assertEquals("questions[x].answer.zh", f.where());
        assertTrue(f.toString().contains("4096,32"), f.toString());
        assertTrue(f.rule().contains("2 places") || f.rule().contains("ASCII"), f.rule());
    }

    /** Issue 16: a formula written with full-width brackets outside backticks is found; prose in （） is not. */
    @Test
    void aFormulaOutsideBackticksIsFound() {
        for (String formula : List.of("平移后 PE（pos + k） 是线性函数", "对 softmax（…） 求导", "映射进 [0，L] 范围", "记作 f（x）。")) {
            assertTrue(rules(HouseStyle.chinese("a", formula)).stream().anyMatch(r -> r.startsWith("a formula")), formula);
        }
        assertEquals(List.of(), HouseStyle.chinese("b", "`PE(pos + k)` 是 `PE(pos)` 的线性函数，映射进 `[0, L]` 范围。"));
        assertEquals(List.of(), HouseStyle.chinese("c", "GELU（Gaussian Error Linear Unit）与 MQA（Shazeer，2019）；约 240 个 token（带宽 3.35 TB/s 的 H100）。"));
    }

    /** Issue 17: a fenced code block in an answer is code: its ASCII punctuation is not a finding. */
    @Test
    void aFencedCodeBlockIsSkipped() {
        String answer = "用下面的代码实现：\n```python\ndef f(x, y):\n    return (x + y) / 2  # 平均?\n```\n然后调用它。";
        assertEquals(List.of(), HouseStyle.chinese("a", answer));
        assertTrue(rules(HouseStyle.chinese("b", "代码如下:\n```python\nx = 1\n```")).stream()
                .anyMatch(r -> r.startsWith("ASCII colon")));
    }

    /** A source quotes a paper's title as published, British spelling and all. */
    @Test
    void aSourceKeepsItsTitlesSpelling() {
        assertEquals(List.of(), HouseStyle.unnamedArticle("s", "Wang and Liu (2021), Understanding the Behaviour of Contrastive Loss"));
        assertTrue(rules(HouseStyle.unnamedArticle("t", "the article, section 2")).get(0).startsWith("an article"));
    }
}
