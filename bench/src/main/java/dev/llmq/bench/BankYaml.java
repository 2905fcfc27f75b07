package dev.llmq.bench;

import dev.llmq.core.bank.BankException;
import dev.llmq.core.bank.Problem;
import dev.llmq.core.bank.QuestionBank;
import dev.llmq.core.bank.load.BankLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Generates question banks in the bank's YAML format (version 1), so that the benchmarks do not
 * depend on the contents of {@code questions.yaml}. Output is deterministic for a given seed.
 */
final class BankYaml {
    /** A topic to generate: its id, English and Chinese names, and aliases (unique across topics). */
    record TopicSpec(String id, String en, String zh, List<String> aliases) {
        TopicSpec {
            aliases = List.copyOf(aliases);
        }
    }

    /** Seventeen topics shaped like the real bank's (ids, names, English and Chinese aliases). */
    static final List<TopicSpec> LLM_TOPICS = List.of(
            new TopicSpec("architecture", "Architectures", "主流架构", List.of("arch", "decoder", "架构")),
            new TopicSpec("attention", "Attention", "注意力机制", List.of("attn", "self-attention", "注意力")),
            new TopicSpec("tokenization", "Tokenization", "分词", List.of("tokenizer", "bpe", "分词器")),
            new TopicSpec("positional-encoding", "Positional encoding", "位置编码", List.of("rope", "position", "位置")),
            new TopicSpec("pretraining", "Pre-training", "预训练", List.of("pretrain", "预训")),
            new TopicSpec("fine-tuning", "Fine-tuning", "微调", List.of("sft", "finetune", "lora")),
            new TopicSpec("alignment", "Alignment and RLHF", "对齐与人类反馈", List.of("rlhf", "dpo", "对齐")),
            new TopicSpec("inference", "Inference", "推理加速", List.of("serving", "kv-cache", "推理")),
            new TopicSpec("quantization", "Quantization", "量化", List.of("quant", "int8", "量化压缩")),
            new TopicSpec("distributed-training", "Distributed training", "分布式训练",
                    List.of("distributed", "parallelism", "并行")),
            new TopicSpec("rag", "Retrieval-augmented generation", "检索增强生成", List.of("retrieval", "检索")),
            new TopicSpec("agents", "Agents and tool use", "智能体", List.of("agent", "tools", "工具调用")),
            new TopicSpec("evaluation", "Evaluation", "评估", List.of("eval", "benchmarks", "评测")),
            new TopicSpec("prompting", "Prompt engineering", "提示工程", List.of("prompt", "cot", "提示词")),
            new TopicSpec("moe", "Mixture of experts", "混合专家", List.of("experts", "专家模型")),
            new TopicSpec("long-context", "Long context", "长上下文", List.of("context", "长文本")),
            new TopicSpec("safety", "Safety", "安全", List.of("hallucination", "jailbreak", "幻觉")));

    private static final String[] EN_WORDS = (
            "the model attention layer token embedding gradient weight loss batch sequence context decoder encoder "
            + "head query key value softmax scale norm residual training inference cache memory latency throughput "
            + "parameter optimizer learning rate warmup schedule data corpus quality filter alignment reward policy "
            + "preference sample temperature logits vocabulary merge position rotary window sparse expert router "
            + "shard tensor pipeline parallel precision quantized activation outlier retrieval index chunk prompt "
            + "evaluation benchmark metric bias variance overfitting regularization dropout because while which "
            + "reduces increases keeps avoids trades cost for speed and of in on with a an to is are").split(" ");

    private static final String[] ZH_WORDS = (
            "模型 注意力 层 词元 嵌入 梯度 权重 损失 批次 序列 上下文 解码器 编码器 多头 查询 键 值 归一化 残差 训练 "
            + "推理 缓存 显存 延迟 吞吐 参数 优化器 学习率 预热 调度 数据 语料 质量 过滤 对齐 奖励 策略 偏好 采样 温度 "
            + "词表 合并 位置 旋转 窗口 稀疏 专家 路由 分片 张量 流水线 并行 精度 量化 激活 离群值 检索 索引 分块 "
            + "提示 评估 基准 指标 偏差 方差 过拟合 正则化 因为 同时 从而 降低 提高 保持 避免 以 换取 速度 的 和 在").split(" ");

    private BankYaml() {
    }

    /** {@code n} plain topics: {@code topic-i}, "Topic i" / "主题i", aliases {@code t<i>} and {@code 别名<i>}. */
    static List<TopicSpec> numberedTopics(int n) {
        List<TopicSpec> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new TopicSpec("topic-" + i, "Topic " + i, "主题" + i, List.of("t" + i, "别名" + i)));
        }
        return out;
    }

    /**
     * A bank with {@code questions} questions spread round-robin over {@code topics} (so every
     * topic has one as soon as there are at least as many questions as topics). Texts have
     * realistic lengths: prompt ~20 words, answer ~120 words (Chinese of similar length), three
     * key points per language; every third question has one or two follow-ups.
     */
    static byte[] generate(List<TopicSpec> topics, int questions, long seed) {
        if (questions < topics.size()) {
            throw new IllegalArgumentException("every topic needs a question: " + questions + " < " + topics.size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder y = new StringBuilder(questions * 2_400);
        y.append("version: 1\ntopics:\n");
        for (TopicSpec t : topics) {
            y.append("  - id: ").append(t.id()).append('\n');
            y.append("    name: {en: ").append(quote(t.en())).append(", zh: ").append(quote(t.zh())).append("}\n");
            y.append("    aliases: [")
                    .append(t.aliases().stream().map(BankYaml::quote).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        y.append("questions:\n");
        for (int i = 0; i < questions; i++) {
            TopicSpec t = topics.get(i % topics.size());
            y.append("  - id: ").append(questionId(i)).append('\n');
            y.append("    topic: ").append(t.id()).append('\n');
            y.append("    difficulty: ").append(1 + random.nextInt(3)).append('\n');
            y.append("    prompt: {en: ").append(quote(en(random, 20, '?')))
                    .append(", zh: ").append(quote(zh(random, 14, '？'))).append("}\n");
            y.append("    answer: {en: ").append(quote(en(random, 120, '.')))
                    .append(", zh: ").append(quote(zh(random, 100, '。'))).append("}\n");
            y.append("    key_points: {en: [");
            for (int k = 0; k < 3; k++) {
                y.append(k == 0 ? "" : ", ").append(quote(en(random, 8, '.')));
            }
            y.append("], zh: [");
            for (int k = 0; k < 3; k++) {
                y.append(k == 0 ? "" : ", ").append(quote(zh(random, 6, '。')));
            }
            y.append("]}\n");
            if (i % 3 == 0 && questions > 1) {
                int n = 1 + random.nextInt(2);
                List<String> follow = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    int j = random.nextInt(questions - 1);
                    j = j >= i ? j + 1 : j; // never the question itself
                    String id = questionId(j);
                    if (!follow.contains(id)) {
                        follow.add(id);
                    }
                }
                y.append("    follow_ups: [").append(String.join(", ", follow)).append("]\n");
            }
        }
        return y.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Loads a generated bank, failing loudly (with the first problems) if the loader rejects it. */
    static QuestionBank load(String name, byte[] yaml) {
        try {
            return BankLoader.load(new BankLoader.Source(name, yaml));
        } catch (BankException e) {
            List<Problem> problems = e.problems();
            throw new IllegalStateException("the generated bank " + name + " does not load: " + problems.size()
                    + " problem(s), first: " + problems.stream().limit(10).map(Problem::toString)
                            .collect(Collectors.joining("\n  ", "\n  ", "")), e);
        }
    }

    private static String questionId(int i) {
        return String.format(Locale.ROOT, "q-%05d", i);
    }

    private static String en(SplittableRandom random, int words, char end) {
        StringBuilder s = new StringBuilder(words * 8);
        for (int w = 0; w < words; w++) {
            String word = EN_WORDS[random.nextInt(EN_WORDS.length)];
            if (w == 0) {
                s.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                s.append(w % 17 == 0 ? ", " : " ").append(word);
            }
        }
        return s.append(end).toString();
    }

    private static String zh(SplittableRandom random, int words, char end) {
        StringBuilder s = new StringBuilder(words * 3);
        for (int w = 0; w < words; w++) {
            if (w > 0 && w % 13 == 0) {
                s.append('，');
            }
            s.append(ZH_WORDS[random.nextInt(ZH_WORDS.length)]);
        }
        return s.append(end).toString();
    }

    /** A YAML double-quoted scalar. */
    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
