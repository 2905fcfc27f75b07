package dev.llmq.slack;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Text;

/** Slack-only UI text, in English and Chinese: the App Home, its buttons, and the failure answer. */
enum SlackText implements Text {
    LANGUAGE_NAME("English", "中文"),
    BUTTON_PRACTICE_NOW("Practice now", "现在练习"),
    HOME_LANGUAGE("Your language: %s. Add lang:zh or lang:en to a command to choose another.",
            "你的语言：%s。在命令后加 lang:zh 或 lang:en 可以选择其他语言。"),
    HOME_PRACTICE("Practise on your own: the question arrives in your messages with llmq.",
            "自己练习：题目会发到你与 llmq 的私信中。"),
    HOME_SCHEDULES("Daily questions in your channels", "你所在频道的每日一题"),
    HOME_NO_SCHEDULES("None of your channels has a daily question yet. An admin can set one in a channel with "
            + "/llmq daily set 09:00 Asia/Shanghai mon-fri.",
            "你所在的频道还没有每日一题。管理员可以在频道中用 /llmq daily set 09:00 Asia/Shanghai mon-fri 设置。"),
    HOME_CHANNELS_UNAVAILABLE("Your channels could not be listed just now; try again later.",
            "暂时无法获取你所在的频道，请稍后再试。"),
    SLACK_FAILED("Something went wrong; please try again.", "出错了，请稍后再试。"),
    SLACK_FILE_IN_DM("Sent to your direct messages with llmq (Slack has no private files in a channel).",
            "已发送到你与 llmq 的私信（Slack 频道里无法发送仅自己可见的文件）。"),
    SLACK_FILE_ABOVE("Here it is, above.", "文件已发送在上方。"),
    SLACK_FILE_SHARED("Shared in this channel.", "已分享到本频道。"),
    SLACK_FILE_FAILED("The file could not be sent: %s. If llmq is not in this channel, invite it with /invite @llmq.",
            "文件发送失败：%s。如果 llmq 不在本频道，请用 /invite @llmq 邀请它。");

    private final String en;
    private final String zh;

    SlackText(String en, String zh) {
        this.en = en;
        this.zh = zh;
    }

    @Override
    public String raw(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
