package news.platform.site.render;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat's per-connection write buffer, sized so a cached page leaves in one socket write. Tomcat
 * copies a response through an 8 KB buffer by default and writes each 8 KB on its own; an article
 * page with its comment section is about 40 KB, so it took five writes, and the profile of the
 * cached page put a third of the site's time in writing (bench/site, docs/site-performance.md). The
 * buffer is per open connection: {@code site.socket-write-buffer} × the connections Tomcat keeps
 * (at most {@code server.tomcat.max-connections}) is the memory it may take.
 */
@Configuration(proxyBeanMethods = false)
class SocketWriteBufferConfiguration {

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(@Value("${site.socket-write-buffer:64KB}") DataSize size) {
		if (size.toBytes() < 8192 || size.toBytes() > 1 << 20) {
			throw new IllegalArgumentException("site.socket-write-buffer must be between 8KB and 1MB, was " + size);
		}
		return connector -> connector.setProperty("socket.appWriteBufSize", String.valueOf(size.toBytes()));
	}

}
