package dev.llmq.app;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Text;

/** Console-only UI text, in English and Chinese. */
enum ConsoleText implements Text {
    BANNER("llmq console · %d questions in %d topics. Type /llmq help for commands, /quit to leave.",
            "llmq 控制台 · %d 道题，%d 个主题。输入 /llmq help 查看命令，/quit 退出。"),
    NO_BUTTONS("There are no buttons to press yet.", "当前没有可以按的按钮。"),
    PICK_BUTTON("Type a number from 1 to %d.", "请输入 1 到 %d 之间的数字。"),
    FILE_SAVED("Saved: %s", "已保存：%s"),
    FILE_NOT_SAVED("%s could not be saved: %s", "%s 无法保存：%s");

    private final String en;
    private final String zh;

    ConsoleText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    @Override
    public String raw(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
