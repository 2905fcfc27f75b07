package dev.llmq.discord;

import dev.llmq.core.i18n.Lang;
import dev.llmq.core.i18n.Msg;
import dev.llmq.core.port.in.CommandParser;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The slash commands llmq registers: {@code /llmq}, {@code /llmq-daily}, {@code /llmq-topics} and
 * {@code /llmq-help}. Descriptions come from {@link DiscordText} in both languages; the zh-CN names are
 * here because they are identifiers Discord matches on, not prose.
 */
public final class DiscordCommands {
    public static final String LLMQ = "llmq";
    public static final String DAILY = "llmq-daily";
    public static final String TOPICS = "llmq-topics";
    public static final String HELP = "llmq-help";
    public static final String REVIEW = "llmq-review";
    public static final String SETTINGS = "llmq-settings";
    public static final String FORGET_ME = "llmq-forget-me";
    public static final String STATS = "llmq-stats";
    public static final String BOARD = "llmq-leaderboard";
    public static final String EXPORT = "llmq-export";
    public static final String SCOPE = "scope";
    public static final String FORMAT = "format";

    public static final String ME = "me";
    public static final String SERVER = "server";
    public static final String REMIND = "remind";
    public static final String STREAKS = "streaks";
    public static final String LEADERBOARD = "leaderboard";

    public static final String SET = "set";
    public static final String OFF = "off";
    public static final String STATUS = "status";
    public static final String NOW = "now";

    public static final String TOPIC = "topic";
    public static final String DIFFICULTY = "difficulty";
    public static final String LANG = "lang";
    public static final String PUBLIC = "public";
    public static final String CHANNEL = "channel";
    public static final String TIME = "time";
    public static final String ZONE = "zone";
    public static final String WEEKDAYS = "weekdays";
    public static final String TOPICS_OPTION = "topics";

    /** The value of the autocomplete choice "any topic". */
    public static final String ANY_TOPIC = CommandParser.ANY_TOPIC;

    private static final DiscordLocale ZH = DiscordLocale.CHINESE_CHINA;

    private DiscordCommands() {
    }

    public static List<CommandData> all() {
        return List.of(llmq(), daily(), topics(), help(), review(), settings(), forgetMe(), stats(), leaderboard(),
                export());
    }

    static SlashCommandData llmq() {
        return slash(LLMQ, null, DiscordText.CMD_LLMQ)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addOptions(
                        option(OptionType.STRING, TOPIC, "主题", DiscordText.OPT_TOPIC, true).setAutoComplete(true).setMaxLength(100),
                        option(OptionType.INTEGER, DIFFICULTY, "难度", DiscordText.OPT_DIFFICULTY, false).addChoices(
                                choice(Msg.DIFFICULTY_1, 1), choice(Msg.DIFFICULTY_2, 2), choice(Msg.DIFFICULTY_3, 3)),
                        langOption(DiscordText.OPT_LANG),
                        option(OptionType.BOOLEAN, PUBLIC, "公开", DiscordText.OPT_PUBLIC, false));
    }

    static SlashCommandData daily() {
        OptionData channel = option(OptionType.CHANNEL, CHANNEL, "频道", DiscordText.OPT_CHANNEL, true)
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
        OptionData optionalChannel = option(OptionType.CHANNEL, CHANNEL, "频道", DiscordText.OPT_CHANNEL, false)
                .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
        return slash(DAILY, "llmq-每日一题", DiscordText.CMD_DAILY)
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(
                        sub(SET, "设置", DiscordText.CMD_DAILY_SET).addOptions(
                                channel,
                                option(OptionType.STRING, TIME, "时间", DiscordText.OPT_TIME, true).setMaxLength(5),
                                option(OptionType.STRING, ZONE, "时区", DiscordText.OPT_ZONE, true).setAutoComplete(true),
                                option(OptionType.STRING, WEEKDAYS, "星期", DiscordText.OPT_WEEKDAYS, false).setAutoComplete(true),
                                option(OptionType.STRING, TOPICS_OPTION, "主题列表", DiscordText.OPT_TOPICS, false).setAutoComplete(true),
                                langOption(DiscordText.OPT_DAILY_LANG)),
                        sub(OFF, "关闭", DiscordText.CMD_DAILY_OFF).addOptions(optionalChannel),
                        sub(STATUS, "状态", DiscordText.CMD_DAILY_STATUS),
                        sub(NOW, "立即发布", DiscordText.CMD_DAILY_NOW).addOptions(optionalChannel));
    }

    static SlashCommandData topics() {
        return slash(TOPICS, "llmq-主题", DiscordText.CMD_TOPICS)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addOptions(langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData help() {
        return slash(HELP, "llmq-帮助", DiscordText.CMD_HELP)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addOptions(langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData review() {
        return slash(REVIEW, "llmq-复习", DiscordText.CMD_REVIEW)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addOptions(langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData settings() {
        return slash(SETTINGS, "llmq-设置", DiscordText.CMD_SETTINGS)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .addSubcommands(
                        sub(ME, "我的", DiscordText.CMD_SETTINGS_ME).addOptions(
                                settingLang(DiscordText.OPT_SETTING_LANG),
                                option(OptionType.STRING, ZONE, "时区", DiscordText.OPT_SETTING_ZONE, false)
                                        .setAutoComplete(true).setMaxLength(64),
                                option(OptionType.STRING, REMIND, "提醒", DiscordText.OPT_REMIND, false).setMaxLength(5),
                                option(OptionType.BOOLEAN, STREAKS, "连续打卡", DiscordText.OPT_STREAKS, false),
                                option(OptionType.BOOLEAN, LEADERBOARD, "排行榜", DiscordText.OPT_LEADERBOARD, false)),
                        sub(SERVER, "服务器", DiscordText.CMD_SETTINGS_SERVER).addOptions(
                                settingLang(DiscordText.OPT_SERVER_LANG),
                                option(OptionType.BOOLEAN, PUBLIC, "公开", DiscordText.OPT_SERVER_PUBLIC, false),
                                option(OptionType.STRING, ZONE, "时区", DiscordText.OPT_SERVER_ZONE, false)
                                        .setAutoComplete(true).setMaxLength(64)));
    }

    static SlashCommandData stats() {
        // a member's cards are a server's: in the bot's DMs there would be none to show
        return slash(STATS, "llmq-统计", DiscordText.CMD_STATS)
                .setContexts(InteractionContextType.GUILD)
                .addOptions(langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData leaderboard() {
        return slash(BOARD, "llmq-排行榜", DiscordText.CMD_LEADERBOARD)
                .setContexts(InteractionContextType.GUILD)
                .addOptions(langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData export() {
        return slash(EXPORT, "llmq-导出", DiscordText.CMD_EXPORT)
                .setContexts(InteractionContextType.GUILD)
                .addOptions(
                        option(OptionType.STRING, SCOPE, "范围", DiscordText.OPT_SCOPE, false).addChoices(
                                new Command.Choice("misses", "misses").setNameLocalization(ZH, "错题"),
                                new Command.Choice("all", "all").setNameLocalization(ZH, "全部")),
                        option(OptionType.STRING, FORMAT, "格式", DiscordText.OPT_FORMAT, false).addChoices(
                                new Command.Choice("Anki", "anki"), new Command.Choice("CSV", "csv")),
                        langOption(DiscordText.OPT_LANG));
    }

    static SlashCommandData forgetMe() {
        return slash(FORGET_ME, "llmq-忘记我", DiscordText.CMD_FORGET_ME)
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
    }

    /** A language to keep as a setting: en, zh, or auto (none: follow the platform). */
    private static OptionData settingLang(DiscordText description) {
        return option(OptionType.STRING, LANG, "语言", description, false).addChoices(
                new Command.Choice("English", "en").setNameLocalization(ZH, "英文"),
                new Command.Choice("中文", "zh"),
                new Command.Choice("auto", "auto").setNameLocalization(ZH, "自动"));
    }

    private static SlashCommandData slash(String name, String zhName, DiscordText description) {
        SlashCommandData d = Commands.slash(name, description.text(Lang.EN))
                .setDescriptionLocalization(ZH, description.text(Lang.ZH));
        return zhName == null ? d : d.setNameLocalization(ZH, zhName);
    }

    private static SubcommandData sub(String name, String zhName, DiscordText description) {
        return new SubcommandData(name, description.text(Lang.EN))
                .setNameLocalization(ZH, zhName)
                .setDescriptionLocalization(ZH, description.text(Lang.ZH));
    }

    private static OptionData option(OptionType type, String name, String zhName, DiscordText description, boolean required) {
        return new OptionData(type, name, description.text(Lang.EN), required)
                .setNameLocalization(ZH, zhName)
                .setDescriptionLocalization(ZH, description.text(Lang.ZH));
    }

    private static OptionData langOption(DiscordText description) {
        return option(OptionType.STRING, LANG, "语言", description, false).addChoices(
                new Command.Choice("English", "en").setNameLocalization(ZH, "英文"),
                new Command.Choice("中文", "zh"));
    }

    private static Command.Choice choice(Msg name, long value) {
        return new Command.Choice(name.text(Lang.EN), value).setNameLocalization(ZH, name.text(Lang.ZH));
    }
}
