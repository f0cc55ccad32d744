package id.warta.bench;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

import java.util.List;

/** The article item as a mutable bean, mapped by reflection (what TableSchema.fromBean expects). */
@DynamoDbBean
public class ArticleBean {
    private String pk;
    private String id;
    private String slug;
    private String title;
    private String summary;
    private String section;
    private String edition;
    private Boolean coverStory;
    private String publishedAt;
    private String reporter;
    private String editor;
    private List<String> sources;
    private List<String> tags;
    private List<String> body;

    @DynamoDbPartitionKey
    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getSlug() { return slug; }
    public void setSlug(String slug) { this.slug = slug; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSection() { return section; }
    public void setSection(String section) { this.section = section; }
    public String getEdition() { return edition; }
    public void setEdition(String edition) { this.edition = edition; }
    public Boolean getCoverStory() { return coverStory; }
    public void setCoverStory(Boolean coverStory) { this.coverStory = coverStory; }
    public String getPublishedAt() { return publishedAt; }
    public void setPublishedAt(String publishedAt) { this.publishedAt = publishedAt; }
    public String getReporter() { return reporter; }
    public void setReporter(String reporter) { this.reporter = reporter; }
    public String getEditor() { return editor; }
    public void setEditor(String editor) { this.editor = editor; }
    public List<String> getSources() { return sources; }
    public void setSources(List<String> sources) { this.sources = sources; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags; }
    public List<String> getBody() { return body; }
    public void setBody(List<String> body) { this.body = body; }
}
