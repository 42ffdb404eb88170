package dk.bindeled.partner.hsds;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements one HTTP request sends to the database. A request carrying the header
 * {@value #HEADER} has every statement prepared on its own thread counted under the header's value; the Axon
 * processors polling the same database on their own threads are not counted. Every statement is prepared
 * before the response body is written (the views are read in full first), so the count is complete by the
 * time the client has the answer.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    public static final String HEADER = "X-Test-Count-Statements";

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    /** The statements counted for the request that carried {@code key}. */
    public static int statements(String key) {
        AtomicInteger count = COUNTS.get(key);
        if (count == null) {
            throw new AssertionError("No request was counted under " + key);
        }
        return count.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
            }
        };
    }

    @Bean
    OncePerRequestFilter statementCountingFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String key = request.getHeader(HEADER);
                if (key == null) {
                    chain.doFilter(request, response);
                    return;
                }
                AtomicInteger count = new AtomicInteger();
                COUNTS.put(key, count);
                CURRENT.set(count);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                }
            }
        };
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                AtomicInteger count = CURRENT.get();
                if (count != null && STATEMENTS.contains(method.getName())) {
                    count.incrementAndGet();
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }
    }
}
